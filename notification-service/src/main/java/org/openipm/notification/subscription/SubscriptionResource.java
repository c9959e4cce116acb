package org.openipm.notification.subscription;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.notification.alert.Recipient;
import org.openipm.notification.delivery.DeliveryLog;
import org.openipm.notification.delivery.DeliveryMessages;
import org.openipm.platform.problem.PageBounds;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * A brand's (token {@code org} = brand id) or an authority's (officer, {@code org} = authority id) subscriptions,
 * their delivery log and test events. Another owner's subscription answers 404 as if it did not exist.
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BRAND, Roles.OFFICER})
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final DeliveryLog log;
    private final Caller caller;
    private final PageBounds pages;

    public SubscriptionResource(SubscriptionService subscriptions, DeliveryLog log, Caller caller, PageBounds pages) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.caller = caller;
        this.pages = pages;
    }

    /** 201 with the subscription and, for a webhook, its signing secret: shown this once. */
    @POST
    public Response create(SubscriptionRequest request) {
        SubscriptionView.Created created = subscriptions.create(owner(), request);
        return Response.created(URI.create("/api/v1/subscriptions/" + created.subscription().id())).entity(created)
                .build();
    }

    @GET
    public Map<String, List<SubscriptionView>> list() {
        return Map.of("items", subscriptions.list(owner()));
    }

    @GET
    @Path("{id}")
    public SubscriptionView one(@PathParam("id") UUID id) {
        return subscriptions.find(owner(), id).orElseThrow(() -> ProblemException.notFound("subscription " + id));
    }

    @PUT
    @Path("{id}")
    public SubscriptionView replace(@PathParam("id") UUID id, SubscriptionRequest request) {
        return subscriptions.replace(owner(), id, request);
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") UUID id) {
        subscriptions.delete(owner(), id);
    }

    /** A new signing secret, shown this once; the previous one keeps signing beside it during the overlap. */
    @POST
    @Path("{id}/secret/rotate")
    @Consumes(MediaType.WILDCARD)
    public SubscriptionView.Rotated rotate(@PathParam("id") UUID id) {
        return subscriptions.rotate(owner(), id);
    }

    /** 202: a test event is queued for the subscription's channel; its outcome shows in the delivery log. */
    @POST
    @Path("{id}/test")
    @Consumes(MediaType.WILDCARD)
    public Response test(@PathParam("id") UUID id) {
        UUID delivery = subscriptions.test(owner(), id);
        return Response.accepted(Map.of("webhookId", DeliveryMessages.messageId(delivery))).build();
    }

    /** Newest first: each delivery's status, attempts (time, HTTP status, error, duration) and next try. */
    @GET
    @Path("{id}/deliveries")
    public Map<String, Object> deliveries(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        pages.check(page, size);
        subscriptions.checkOwned(owner(), id);
        return Map.of("items", log.page(id, page, size), "page", page, "size", size);
    }

    private Recipient owner() {
        String org = caller.org().orElseThrow(() -> ProblemException.forbidden("the token names no organisation (org)"));
        return caller.is(Roles.BRAND) ? Recipient.brand(org) : Recipient.authority(org);
    }
}
