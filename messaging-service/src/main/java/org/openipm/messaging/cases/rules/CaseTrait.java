package org.openipm.messaging.cases.rules;

/** Facts about the goods that select which legal periods and moves apply. */
public enum CaseTrait {
    /** Goods that deteriorate quickly: shorter periods, no extension (EU 608/2013 Art. 2(20), 23(1), 23(4)). */
    PERISHABLE,
    /** Post or express consignment of at most three units or 2 kg (EU 608/2013 Art. 2(19), Art. 26). */
    SMALL_CONSIGNMENT,
    /** Goods under a restricted (gray market or confusingly similar) mark (19 CFR 133.22, 133.23, 133.25). */
    RESTRICTED_ARTICLE
}
