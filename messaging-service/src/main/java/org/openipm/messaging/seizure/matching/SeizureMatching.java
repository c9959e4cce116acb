package org.openipm.messaging.seizure.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.seizures.SeizureMatched;
import org.openipm.events.seizures.SeizureReported;
import org.openipm.events.cases.CaseSeizureAttached;
import org.openipm.messaging.cases.CaseEvents;
import org.openipm.messaging.infringer.SeizureInfringerFlags;
import org.openipm.platform.outbox.Outbox;

/**
 * Matches a batch of reported seizures in the caller's transaction: each version of a seizure is matched once
 * (the stored row names the version it matched, so a redelivered record finds it and changes nothing), its codes
 * are read by the flagging rules and looked up in the catalogue copy with one query for the whole batch, it is
 * attached to its case when its authority takes part in it (or a case is opened when it asks for one), and
 * {@code seizure-matched} is queued in the outbox in the same transaction.
 */
@ApplicationScoped
public class SeizureMatching {

    /** A seizure report to match: the seizure and the SHA-256 of its content (its version). */
    public record Reported(SeizureReported seizure, String contentSha256) {

        String key() {
            return SeizureReported.keyOf(seizure.authority(), seizure.externalId());
        }
    }

    private final SeizureMatchRepository matches;
    private final SeizureCases cases;
    private final SeizureInfringerFlags redFlags;
    private final CaseEvents caseEvents;
    private final Outbox outbox;
    private final Clock clock;
    private final GtinReader reader = new GtinReader();

    public SeizureMatching(SeizureMatchRepository matches, SeizureCases cases, SeizureInfringerFlags redFlags,
            CaseEvents caseEvents, Outbox outbox, Clock clock) {
        this.matches = matches;
        this.cases = cases;
        this.redFlags = redFlags;
        this.caseEvents = caseEvents;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Matches the versions not matched yet; returns how many were. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int matchAll(List<Reported> batch) {
        Map<String, Reported> latest = new LinkedHashMap<>();
        for (Reported reported : batch) {
            latest.remove(reported.key()); // a later record of the same seizure is its later version
            latest.put(reported.key(), reported);
        }
        if (latest.isEmpty()) {
            return 0;
        }
        matches.lock(latest.keySet());
        Map<String, SeizureMatchRepository.Matched> stored = matches.matched(
                latest.values().stream().map(r -> r.seizure().authority()).toList(),
                latest.values().stream().map(r -> r.seizure().externalId()).toList());
        return match(latest.values().stream().filter(r -> stored.get(r.key()) == null
                || !stored.get(r.key()).contentSha256().equals(r.contentSha256())).toList(), stored);
    }

    /**
     * Matches seizures whose reports the caller's transaction has just inserted, one per seizure: none can have been
     * matched before (a seizure is matched only once its report is stored, and reports are never deleted), and no
     * other transaction can match them before this one ends, since the new report rows hold their keys. So neither
     * the locks nor the read of stored versions of {@link #matchAll} are needed: with a thousand seizures in a
     * POST, a thousand advisory locks would also take a large share of PostgreSQL's lock table.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int matchInserted(List<Reported> inserted) {
        return match(inserted, Map.of());
    }

    private int match(List<Reported> fresh, Map<String, SeizureMatchRepository.Matched> stored) {
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, Optional<String>> gtins = new HashMap<>();
        for (Reported reported : fresh) {
            for (SeizureReported.Goods goods : reported.seizure().goods()) {
                for (String code : goods.codes() == null ? List.<String>of() : goods.codes()) {
                    gtins.computeIfAbsent(code, c -> Optional.ofNullable(reader.gtinOf(c)));
                }
            }
        }
        Set<String> distinctGtins = new HashSet<>();
        gtins.values().forEach(g -> g.ifPresent(distinctGtins::add));
        Map<String, List<SeizureMatcher.Owner>> owners = matches.verifiedOwners(distinctGtins);
        List<Reported> withCase = fresh.stream().filter(r -> r.seizure().caseId() != null).toList();
        Set<String> participations = matches.participations(
                withCase.stream().map(r -> r.seizure().caseId()).toList(),
                withCase.stream().map(r -> r.seizure().authority()).toList());

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<SeizureMatchRepository.Row> rows = new ArrayList<>(fresh.size());
        List<UUID> replaced = new ArrayList<>();
        List<SeizureMatched> events = new ArrayList<>(fresh.size());
        List<SeizureInfringerFlags.Seized> consigned = new ArrayList<>();
        List<CaseSeizureAttached> attached = new ArrayList<>();
        Map<UUID, String> officeOf = new HashMap<>();
        for (Reported reported : fresh) {
            SeizureReported seizure = reported.seizure();
            SeizureMatcher.Match match = SeizureMatcher.match(seizure, code -> gtins.get(code).orElse(null),
                    gtin -> owners.getOrDefault(gtin, List.of()));
            SeizureMatchRepository.Matched before = stored.get(reported.key());
            UUID id;
            if (before == null) {
                id = UUID.randomUUID();
            } else {
                id = before.id();
                replaced.add(id);
            }
            UUID caseId = null;
            boolean opened = false;
            if (seizure.caseId() != null && participations.contains(seizure.caseId() + "/" + seizure.authority())) {
                caseId = seizure.caseId();
            } else if (Boolean.TRUE.equals(seizure.openCase())) {
                if (before != null && before.caseOpened()) {
                    caseId = before.caseId(); // an amendment keeps the case opened for the seizure
                    opened = true;
                } else {
                    caseId = cases.open(seizure, now).orElse(null);
                    opened = caseId != null;
                }
            }
            String origin = seizure.consignor() == null ? null : seizure.consignor().country();
            rows.add(new SeizureMatchRepository.Row(id, seizure.authority(), seizure.externalId(),
                    reported.contentSha256(), seizure.seizedOn(), seizure.country(), seizure.office(),
                    seizure.transportMode(), origin, seizure.estimatedValue(), seizure.currency(), caseId, opened,
                    seizure.operationId(), now, match.lines()));
            events.add(new SeizureMatched(id, seizure.authority(), seizure.externalId(), reported.contentSha256(),
                    seizure.seizedOn(), seizure.country(), seizure.office(), seizure.transportMode(), origin, caseId,
                    opened, match.brands(), match.quantities(), match.values(), now));
            if (caseId != null && (before == null || !caseId.equals(before.caseId()))) {
                // joins this case now: told once, an amendment keeping the case or a redelivery tells nothing more
                attached.add(new CaseSeizureAttached(caseId, id, seizure.authority(), seizure.externalId(),
                        seizure.seizedOn(), opened, match.brands().stream().map(SeizureMatched.Brand::brandId)
                                .toList(), now));
                officeOf.put(id, seizure.office());
            }
            if (seizure.consignor() != null || before != null) { // an amendment may have dropped its consignor
                SeizureReported.Party consignor = seizure.consignor();
                consigned.add(new SeizureInfringerFlags.Seized(id, seizure.authority(), seizure.country(),
                        seizure.seizedOn(), consignor == null ? null : consignor.name(),
                        consignor == null ? null : consignor.url(),
                        match.brands().stream().map(SeizureMatched.Brand::brandId).collect(Collectors.toSet()),
                        caseId));
            }
        }
        matches.store(rows, replaced);
        outbox.recordAll(events.stream().map(event -> new Outbox.Pending(Topics.SEIZURE_MATCHED,
                event.seizureId().toString(), EventTypes.SEIZURE_MATCHED, now, event)).toList());
        attached.forEach(a -> caseEvents.seizureAttached(a, officeOf.get(a.seizureId())));
        redFlags.markAll(consigned, now);
        return rows.size();
    }
}
