package org.openipm.lookup.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.openipm.platform.security.Roles;

/** When there is no code to scan: find the product by brand, name, category or description. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OFFICER, Roles.ADMIN })
public class SearchResource {

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    public SearchResults search(@QueryParam("q") @NotBlank(message = "a query is required") @Size(max = 200) String q,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return search.search(q.strip(), limit);
    }
}
