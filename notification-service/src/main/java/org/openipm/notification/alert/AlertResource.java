package org.openipm.notification.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.openipm.notification.alert.BrandAlertService.SentBrandAlert;
import org.openipm.platform.problem.PageBounds;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * The caller's own alerts: a brand's (token {@code org} = brand id) or an officer's: its authority's and its
 * audiences' (see {@link Inbox}). Nobody reads another recipient's alerts; an alert of someone else answers 404 as
 * if it did not exist. Brands also send alerts to officers here.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BRAND, Roles.OFFICER})
public class AlertResource {

    private final AlertRepository alerts;
    private final AlertNotices notices;
    private final BrandAlertService brandAlerts;
    private final Caller caller;
    private final PageBounds pages;

    public AlertResource(AlertRepository alerts, AlertNotices notices, BrandAlertService brandAlerts, Caller caller,
            PageBounds pages) {
        this.alerts = alerts;
        this.notices = notices;
        this.brandAlerts = brandAlerts;
        this.caller = caller;
        this.pages = pages;
    }

    /**
     * A brand's alert to the officers of the target countries and authority types, about its own products only.
     * Limited per brand ({@link BrandAlertSettings}); past the limit 429 with Retry-After.
     */
    @POST
    @RolesAllowed(Roles.BRAND)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@NotNull @Valid BrandAlertRequest request) {
        String brand = caller.org().orElseThrow(() -> ProblemException.forbidden("the token names no brand (org)"));
        SentBrandAlert sent = brandAlerts.send(brand, request);
        return Response.created(URI.create("/api/v1/alerts/sent/" + sent.id())).entity(sent).build();
    }

    /** One of the caller's brand's alerts to officers, as sent; another brand's: 404. */
    @GET
    @Path("sent/{id}")
    @RolesAllowed(Roles.BRAND)
    public SentBrandAlert sent(@PathParam("id") UUID id) {
        String brand = caller.org().orElseThrow(() -> ProblemException.forbidden("the token names no brand (org)"));
        return brandAlerts.sent(brand, id).orElseThrow(() -> ProblemException.notFound("brand alert " + id));
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
        List<AlertView> items = alerts.page(inbox(), filter, page, size).stream()
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
        Inbox inbox = inbox();
        Optional<AlertType> onlyType = Optional.ofNullable(type).map(t -> parse(AlertType.class, "type", t));
        Severity minimum = minSeverity == null ? Severity.INFO : parse(Severity.class, "minSeverity", minSeverity);
        String language = language(lang, acceptLanguage);
        return notices.stored().filter(notice -> inbox.includes(notice.recipient()))
                .onOverflow().buffer(256)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                // Off the request: a short transaction of its own gives the read a session on this worker thread.
                .map(notice -> QuarkusTransaction.requiringNew().call(() -> alerts.find(notice.alertId(), inbox)))
                .filter(Optional::isPresent).map(Optional::get)
                .filter(alert -> onlyType.map(alert.type()::equals).orElse(true) && alert.severity().atLeast(minimum))
                .map(alert -> AlertView.of(alert, language));
    }

    @GET
    @Path("{id}")
    public AlertView one(@PathParam("id") UUID id, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return alerts.find(id, inbox()).map(alert -> AlertView.of(alert, language(lang, acceptLanguage)))
                .orElseThrow(() -> ProblemException.notFound("alert " + id));
    }

    /** Marks the alert read (once: a second call keeps the first time). */
    @POST
    @Path("{id}/read")
    @Transactional
    public void markRead(@PathParam("id") UUID id) {
        if (!alerts.markRead(id, inbox(), Instant.now())) {
            throw ProblemException.notFound("alert " + id);
        }
    }

    private Inbox inbox() {
        String org = caller.org().orElseThrow(() -> ProblemException.forbidden("the token names no organisation (org)"));
        return caller.is(Roles.BRAND) ? Inbox.brand(org) : Inbox.officer(org, caller.country(), caller.authorityType());
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
