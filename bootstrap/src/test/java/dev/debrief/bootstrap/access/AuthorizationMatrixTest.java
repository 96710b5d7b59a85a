package dev.debrief.bootstrap.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.AuthenticateAsAlice;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Tokens;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix, driven by the served contract: for every operation, no credentials is
 * 401, a caller from another workspace is 404, and each role and each key scope is let through or
 * refused (403) exactly as the operation's x-roles / x-scopes declare. A new endpoint is covered
 * without anyone adding it here; one without declared rights fails.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuthorizationMatrixTest {

    @Inject
    MemberRepository members;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    @SendsInvalidInput
    void everyOperationAnswersEachCallerAsItsDeclaredRightsSay() throws Exception {
        Fixture f = new Fixture();
        JsonNode contract = json.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                JsonNode operation = op.getValue();
                String name = method + " " + path.getKey();
                if (!operation.has("x-roles") || !operation.has("x-scopes")) {
                    failures.add(name + ": declares no rights (x-right)");
                    continue;
                }
                List<String> roles = strings(operation.get("x-roles"));
                List<String> scopes = strings(operation.get("x-scopes"));
                String url = f.url(path.getKey());

                cases++;
                expect(failures, name + " without credentials", call(method, url, operation, f.anonymous()), 401);

                if (path.getKey().contains("{workspaceId}")) {
                    cases++;
                    expect(failures, name + " as a member of another workspace",
                            call(method, url, operation, f.as(Tokens.person("outsider-bob"))), 404);
                }
                for (Map.Entry<String, String> member : f.roleTokens.entrySet()) {
                    cases++;
                    boolean allowed = roles.contains(member.getKey()) || roles.contains("any authenticated person");
                    String relation = operation.path("x-relation").asText();
                    // x-relation self: the path's member must be the caller; for PLAN (one's own plan) in every role.
                    boolean selfApplies = "self".equals(relation)
                            && (member.getKey().equals("REP") || "PLAN".equals(operation.path("x-right").asText()));
                    boolean relationApplies = member.getKey().equals("REP") && !relation.isEmpty() && !"self".equals(relation);
                    // A create names the related member in its body (ownerId, assigneeId), not in its path.
                    boolean relationInBody = !relation.isEmpty() && !"self".equals(relation) && !f.namesRelationInPath(path.getKey(), relation);
                    String operationId = operation.path("operationId").asText();
                    allowedOrForbidden(failures, name + " as " + member.getKey() + (relationApplies ? " on someone else's " + relation
                                    : selfApplies ? " on someone else's member id" : ""),
                            call(method, url, operation, f.as(member.getValue()), relationInBody ? f.bodyNaming(operationId, f.invited) : null),
                            allowed && !relationApplies && !selfApplies);
                    if (relationApplies) {
                        cases++;
                        allowedOrForbidden(failures, name + " as REP on their own " + relation,
                                relationInBody
                                        ? call(method, url, operation, f.as(member.getValue()), f.bodyNaming(operationId, null))
                                        : call(method, f.ownUrl(path.getKey(), relation), operation, f.as(member.getValue())), true);
                    }
                    if (selfApplies && allowed) {
                        cases++;
                        allowedOrForbidden(failures, name + " as " + member.getKey() + " on their own member id",
                                call(method, f.url(path.getKey()).replace(f.invited, f.memberIdOf(member.getValue())), operation,
                                        f.as(member.getValue())), true);
                    }
                }
                for (Map.Entry<String, String> key : f.scopeKeys.entrySet()) {
                    cases++;
                    boolean allowed = scopes.contains(key.getKey()) || scopes.contains("any");
                    allowedOrForbidden(failures, name + " with a " + key.getKey() + " key",
                            call(method, url, operation, f.withKey(key.getValue())), allowed);
                }
            }
        }
        System.out.println("Authorization matrix: " + cases + " cases");
        assertThat(cases).isGreaterThan(250);
        assertThat(failures).isEmpty();
    }

    private static void expect(List<String> failures, String what, Response response, int status) {
        if (response.statusCode() != status) {
            failures.add(what + ": expected " + status + " but was " + response.statusCode() + " " + response.asString());
        } else if (!response.contentType().startsWith("application/problem+json")) {
            failures.add(what + ": not a problem+json");
        }
    }

    private static void allowedOrForbidden(List<String> failures, String what, Response response, boolean allowed) {
        int status = response.statusCode();
        if (allowed && (status == 401 || status == 403 || status == 404 && response.asString().contains("workspace.not-found"))) {
            failures.add(what + ": should be let through but was " + status + " " + response.asString());
        }
        if (!allowed && status != 403) {
            failures.add(what + ": should be 403 but was " + status + " " + response.asString());
        }
        if (status >= 500) {
            failures.add(what + ": " + status + " " + response.asString());
        }
    }

    private static Response call(String method, String url, JsonNode operation, RequestSpecification request) {
        return call(method, url, operation, request, null);
    }

    private static Response call(String method, String url, JsonNode operation, RequestSpecification request, String given) {
        JsonNode body = operation.path("requestBody").path("content");
        if (!body.isMissingNode()) {
            String contentType = body.fieldNames().next();
            // A close names its outcome, so that shape checks don't answer before the relation does.
            // A debrief names its answers and a participant, for the same reason.
            String document = given != null ? given : switch (operation.path("operationId").asText()) {
                case "closeDeal" -> "{\"outcome\":\"WON\",\"closedOn\":\"2026-11-20\"}";
                case "addPlanItem" -> "{\"date\":\"2099-01-01\",\"text\":\"Call the buyer\"}";
                case "holdDebrief" -> "{\"lessonLearned\":\"a\",\"howItServesNext\":\"b\",\"participantIds\":[\""
                        + java.util.UUID.randomUUID() + "\"]}";
                case "addActivity" -> "{\"type\":\"CALL\",\"direction\":\"INBOUND\",\"occurredAt\":\"2026-11-20T09:00:00Z\"}";
                default -> "{}";
            };
            request = request.contentType(contentType).body(document);
        }
        // Ask for what the operation answers (text/csv for the export; application/json, which the resources
        // produce even when a success has no body) and for problems: an Accept it can't satisfy would be a
        // 406 before any right is checked.
        List<String> accepted = new ArrayList<>(List.of("application/json"));
        operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2")) {
                response.getValue().path("content").fieldNames().forEachRemaining(type -> {
                    if (!accepted.contains(type)) {
                        accepted.add(type);
                    }
                });
            }
        });
        accepted.add("application/problem+json");
        request = request.accept(String.join(", ", accepted));
        for (JsonNode parameter : operation.path("parameters")) {
            if ("header".equals(parameter.path("in").asText()) && "If-Match".equals(parameter.path("name").asText())) {
                request = request.header("If-Match", "\"999\"");
            }
        }
        return request.request(method, url);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** A workspace with something behind every path, members of each role and keys of each scope. */
    final class Fixture {
        final String ws = Api.createWorkspace();
        final String deal = Api.createDeal(ws, "Matrix deal");
        final String segment = Api.addVocabularyEntry(ws, "segments", "Matrix segment");
        final String reason = Api.reasonId(ws, "OTHER");
        final Map<String, String> roleTokens = new LinkedHashMap<>();
        final Map<String, String> scopeKeys = new LinkedHashMap<>();
        final String key;
        final String repDeal;
        final String followUp;
        final String repFollowUp;
        final String invited = given().contentType(ContentType.JSON)
                .body(Map.of("email", "matrix-" + UUID.randomUUID() + "@example.com", "role", "REP"))
                .post("/api/v1/workspaces/{ws}/members", ws).then().statusCode(201).extract().path("id");

        Fixture() {
            roleTokens.put("ADMIN", Tokens.person(AuthenticateAsAlice.ALICE));
            roleTokens.put("MANAGER", member("matrix-manager-" + UUID.randomUUID(), Role.MANAGER));
            roleTokens.put("REP", member("matrix-rep-" + UUID.randomUUID(), Role.REP));
            for (String scope : List.of("deals:read", "deals:write", "insights:read", "admin")) {
                scopeKeys.put(scope, Api.createApiKey(ws, scope));
            }
            Api.createApiKey(ws, "deals:read"); // the one DELETE …/api-keys/{keyId} revokes
            repDeal = given().header("Authorization", "Bearer " + roleTokens.get("REP")).contentType(ContentType.JSON)
                    .body(Map.of("name", "The REP's own deal")).post("/api/v1/workspaces/{ws}/deals", ws)
                    .then().statusCode(201).extract().path("id");
            key = given().get("/api/v1/workspaces/{ws}/api-keys", ws).then().statusCode(200).extract().path("items[0].id");
            String due = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(3).toString();
            followUp = given().contentType(ContentType.JSON).body(Map.of("text", "Call the buyer", "dueOn", due, "assigneeId", invited))
                    .post("/api/v1/workspaces/{ws}/follow-ups", ws).then().statusCode(201).extract().path("id");
            repFollowUp = given().header("Authorization", "Bearer " + roleTokens.get("REP")).contentType(ContentType.JSON)
                    .body(Map.of("text", "Call the buyer", "dueOn", due)).post("/api/v1/workspaces/{ws}/follow-ups", ws)
                    .then().statusCode(201).extract().path("id");
        }

        /** Whether the path holds the record the relation is about (a deal for owner, a follow-up for assignee). */
        boolean namesRelationInPath(String template, String relation) {
            return switch (relation) {
                case "owner" -> template.contains("{dealId}");
                case "assignee" -> template.contains("{followUpId}");
                default -> throw new AssertionError("Unknown x-relation " + relation + " on " + template);
            };
        }

        /**
         * A valid create body naming {@code memberId} as the deal's owner or the action item's assignee (nobody: the
         * caller). A create that declares a relation the matrix can't name here fails the test.
         */
        String bodyNaming(String operationId, String memberId) {
            String due = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(3).toString();
            return switch (operationId) {
                case "createDeal" -> "{\"name\":\"Matrix create\"" + (memberId == null ? "" : ",\"ownerId\":\"" + memberId + "\"") + "}";
                case "createActionItem" -> "{\"text\":\"Call the buyer\",\"dueOn\":\"" + due + "\""
                        + (memberId == null ? "" : ",\"assigneeId\":\"" + memberId + "\"") + "}";
                default -> throw new AssertionError(operationId + " declares an x-relation in its body that the matrix can't name");
            };
        }

        /** The URL with the REP's own record in place of someone else's, for the relation the operation declares. */
        String ownUrl(String template, String relation) {
            return switch (relation) {
                case "owner" -> url(template).replace(deal, repDeal);
                case "assignee" -> url(template).replace(followUp, repFollowUp);
                default -> throw new AssertionError("Unknown x-relation " + relation + " on " + template);
            };
        }

        String member(String name, Role role) {
            Principal.Person person = new Principal.Person(Tokens.ISSUER, "sub-" + name, name + "@example.com", true, name);
            QuarkusTransaction.requiringNew().run(() -> members.save(Member.join(new WorkspaceId(UUID.fromString(ws)),
                    person, role, Instant.now())));
            return Tokens.person(name);
        }

        String url(String template) {
            return template.replace("{workspaceId}", ws).replace("{dealId}", deal).replace("{vocabulary}", "segments")
                    .replace("{entryId}", segment).replace("{reasonId}", reason).replace("{keyId}", key).replace("{memberId}", invited)
                    .replace("{source}", "salesforce").replace("{externalId}", "matrix-1")
                    .replace("{kind}", "stage").replace("{mappingId}", java.util.UUID.randomUUID().toString())
                    .replace("{lessonId}", java.util.UUID.randomUUID().toString())
                    .replace("{debriefId}", java.util.UUID.randomUUID().toString())
                    .replace("{importId}", java.util.UUID.randomUUID().toString())
                    .replace("{followUpId}", followUp)
                    .replace("{itemId}", java.util.UUID.randomUUID().toString())
                    .replace("{activityId}", java.util.UUID.randomUUID().toString());
        }

        /** The caller's own member id in the workspace. */
        String memberIdOf(String token) {
            return given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200).extract()
                    .path("workspaces.find { it.id == '" + ws + "' }.memberId");
        }

        RequestSpecification anonymous() {
            return given().header(AuthenticateAsAlice.ANONYMOUS, "true").accept(ContentType.JSON);
        }

        RequestSpecification as(String token) {
            return given().header("Authorization", "Bearer " + token).accept(ContentType.JSON);
        }

        RequestSpecification withKey(String secret) {
            return given().header("Authorization", "Bearer " + secret).accept(ContentType.JSON);
        }
    }
}
