package dev.debrief.adapter.rest.vocabulary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "StageOrder")
public record StageOrderRequest(
        @NotNull @Size(min = 1, max = 100)
        @Schema(description = "Every pipeline stage id of the workspace, exactly once, in the new order")
        List<@NotNull UUID> order) {
}
