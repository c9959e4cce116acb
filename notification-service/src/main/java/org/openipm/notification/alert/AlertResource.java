package org.openipm.notification.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.openipm.notification.alert.AlertRepository.AlertFilter;
import org.openipm.notification.alert.AlertRepository.StoredAlert;
import org.openipm.platform.problem.PageBounds;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * The caller's own alerts: a brand's (token {@code org} = brand id) or an officer's authority's. Nobody reads
 * another recipient's alerts; an alert of someone else answers 404 as if it did not exist.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BRAND, Roles.OFFICER})
public class AlertResource {

    private final AlertRepository alerts;
    private final AlertNotices notices;
    private final Caller caller;
    private final PageBounds pages;

    public AlertResource(AlertRepository alerts, AlertNotices notices, Caller caller, PageBounds pages) {
        this.alerts = alerts;
        this.notices = notices;
        this.caller = caller;
        this.pages = pages;
    }

    @GET
    public AlertPage list(@QueryParam("type") String type, @QueryParam("minSeverity") String minSeverity,
            @QueryParam("unread") @DefaultValue("false") boolean unread,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        pages.check(page, size);
        AlertFilter filter = new AlertFilter(Optional.ofNullable(type).map(t -> parse(AlertType.class, "type", t)),
                minSeverity == null ? Severity.INFO : parse(Severity.class, "minSeverity", minSeverity), unread);
        String language = language(lang, acceptLanguage);
        List<AlertView> items = alerts.page(recipient(), filter, page, size).stream()
                .map(alert -> AlertView.of(alert, language)).toList();
        return new AlertPage(items, page, size);
    }

    /**
     * Server-sent events: each alert stored for the caller from now on, as it is stored, until the client closes the
     * stream. Filters as for the list. What was stored while no stream was open is in the list.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<AlertView> stream(@QueryParam("type") String type, @QueryParam("minSeverity") String minSeverity,
            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Recipient recipient = recipient();
        Optional<AlertType> onlyType = Optional.ofNullable(type).map(t -> parse(AlertType.class, "type", t));
        Severity minimum = minSeverity == null ? Severity.INFO : parse(Severity.class, "minSeverity", minSeverity);
        String language = language(lang, acceptLanguage);
        return notices.stored().filter(notice -> notice.recipient().equals(recipient))
                .onOverflow().buffer(256)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                // Off the request: a short transaction of its own gives the read a session on this worker thread.
                .map(notice -> QuarkusTransaction.requiringNew().call(() -> alerts.find(notice.alertId(), recipient)))
                .filter(Optional::isPresent).map(Optional::get)
                .filter(alert -> onlyType.map(alert.type()::equals).orElse(true) && alert.severity().atLeast(minimum))
                .map(alert -> AlertView.of(alert, language));
    }

    @GET
    @Path("{id}")
    public AlertView one(@PathParam("id") UUID id, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return alerts.find(id, recipient()).map(alert -> AlertView.of(alert, language(lang, acceptLanguage)))
                .orElseThrow(() -> ProblemException.notFound("alert " + id));
    }

    /** Marks the alert read (once: a second call keeps the first time). */
    @POST
    @Path("{id}/read")
    @Transactional
    public void markRead(@PathParam("id") UUID id) {
        if (!alerts.markRead(id, recipient(), Instant.now())) {
            throw ProblemException.notFound("alert " + id);
        }
    }

    private Recipient recipient() {
        String org = caller.org().orElseThrow(() -> ProblemException.forbidden("the token names no organisation (org)"));
        return caller.is(Roles.BRAND) ? Recipient.brand(org) : Recipient.authority(org);
    }

    /** {@code lang} first, then the first of Accept-Language's languages that has texts, else English. */
    static String language(String lang, String acceptLanguage) {
        if (lang != null) {
            return lang;
        }
        if (acceptLanguage == null) {
            return "en";
        }
        return Arrays.stream(acceptLanguage.split(",")).map(range -> range.split(";")[0].trim())
                .map(tag -> Locale.forLanguageTag(tag).getLanguage()).filter(AlertTexts.LANGUAGES::contains)
                .findFirst().orElse("en");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-parameter", parameter + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    public record AlertPage(List<AlertView> items, int page, int size) {
    }

    /** An alert as its recipient reads it: the summary in the asked language, facts for machines. */
    public record AlertView(UUID id, AlertType type, Severity severity, String summary, List<String> brands,
            List<String> countries, Map<String, String> facts, String link, UUID sourceEventId,
            Instant occurredAt, boolean read) {

        static AlertView of(StoredAlert alert, String language) {
            return new AlertView(alert.id(), alert.type(), alert.severity(),
                    AlertTexts.summary(alert.type(), alert.facts(), language),
                    alert.brands(), alert.countries(), alert.facts(), alert.link(), alert.sourceEventId(),
                    alert.occurredAt(), alert.readAt() != null);
        }
    }
}
