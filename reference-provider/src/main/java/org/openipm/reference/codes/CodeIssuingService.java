package org.openipm.reference.codes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.codes.Gtin;
import org.openipm.platform.problem.ProblemException;
import org.openipm.reference.ReferenceProviderSettings;
import org.openipm.reference.keys.ProviderKeys;

/** Issues serialised, signed codes for a brand's GTIN and shows a brand its own codes. */
@ApplicationScoped
public class CodeIssuingService {

    public static final int MAX_CODES_PER_REQUEST = 1000;

    private final ServedGtinRepository servedGtins;
    private final IssuedCodeRepository codes;
    private final ScanRepository scans;
    private final ProviderKeys keys;
    private final String baseUrl;

    public CodeIssuingService(ServedGtinRepository servedGtins, IssuedCodeRepository codes, ScanRepository scans,
            ProviderKeys keys, ReferenceProviderSettings settings) {
        this.servedGtins = servedGtins;
        this.codes = codes;
        this.scans = scans;
        this.keys = keys;
        this.baseUrl = settings.codeBaseUrl();
    }

    /** A GTIN is served for the first brand that has codes issued for it; another brand is refused (409). */
    @Transactional
    public IssuedCodes issue(String brandId, String gtinAsGiven, int count) {
        if (count < 1 || count > MAX_CODES_PER_REQUEST) {
            throw ProblemException.badRequest("invalid-count",
                    "count must be between 1 and " + MAX_CODES_PER_REQUEST + ", not " + count);
        }
        String gtin = gtin14(gtinAsGiven);
        ServedGtin served = servedGtins.claim(gtin, brandId, Instant.now());
        if (!served.brandId.equals(brandId)) {
            throw ProblemException.conflict("gtin-served-for-another-brand",
                    "This provider issues codes for GTIN " + gtin + " on behalf of another brand");
        }
        Instant now = Instant.now();
        List<IssuedCodes.Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            IssuedCode code = new IssuedCode();
            code.id = UUID.randomUUID();
            code.brandId = brandId;
            code.gtin = gtin;
            code.serial = Serials.next();
            code.issuedAt = now;
            codes.persist(code);
            items.add(new IssuedCodes.Item(code.serial, uri(gtin, code.serial)));
        }
        return new IssuedCodes(brandId, gtin, items);
    }

    /** @param brandId the caller's brand, or empty for an administrator who may see every code */
    @Transactional
    public Optional<CodeView> code(String gtinAsGiven, String serial, Optional<String> brandId) {
        String gtin;
        try {
            gtin = gtin14(gtinAsGiven);
        } catch (ProblemException e) {
            return Optional.empty();
        }
        return codes.find(gtin, serial).filter(code -> brandId.map(code.brandId::equals).orElse(true))
                .map(code -> new CodeView(code.brandId, code.gtin, code.serial, uri(code.gtin, code.serial),
                        code.issuedAt, code.scanCount, code.firstSeenCountry, code.firstSeenAt,
                        scans.ofCode(code.id).stream().map(scan -> new CodeView.ScanView(scan.requestId,
                                scan.authority, scan.country, scan.office, scan.latitude, scan.longitude,
                                scan.scannedAt)).toList()));
    }

    private String uri(String gtin, String serial) {
        return new ReferenceCode(gtin, serial, keys.codeSignature().sign(gtin, serial)).uri(baseUrl);
    }

    private static String gtin14(String gtin) {
        if (gtin == null || gtin.isBlank()) {
            throw ProblemException.badRequest("invalid-gtin", "gtin is required");
        }
        Optional<String> problem = Gtin.validationProblem(gtin.trim());
        if (problem.isPresent()) {
            throw ProblemException.badRequest("invalid-gtin", problem.get());
        }
        return Gtin.normaliseTo14(gtin.trim());
    }
}
