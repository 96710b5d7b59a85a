package dev.debrief.adapter.rest.shared;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Finishes the contract SmallRye builds from the annotations: the error responses first
 * ({@link ProblemResponsesFilter}), then the conventions every operation follows ({@link ContractConventions}).
 */
public class ContractFilter extends ProblemResponsesFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        // SmallRye JWT adds a scheme of its own; the operations name ours (person, apiKey, apiKeyHeader).
        openAPI.getComponents().removeSecurityScheme("SecurityScheme");
        openAPI.setServers(java.util.List.of(OASFactory.createServer().url("http://localhost:8080")
                .description("Debrief on your machine (the embedded default); use your deployment's public URL elsewhere")));
        ContractConventions.apply(openAPI);
    }
}
