package dev.debrief.bootstrap.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks what a test sends and receives through REST Assured against the committed contract,
 * {@code openapi/openapi.yaml}: every response, and every request unless the test
 * {@link SendsInvalidInput}. Each violation is appended to {@code target/contract-violations.txt}, and
 * the call that caused it fails with an AssertionError naming the operation, the status, the JSON
 * pointer and what was wrong; with {@code -Ddebrief.contract.validation=report} it is only recorded.
 * Paths under {@code /q/} (health, OpenAPI, Swagger UI) and CORS preflights are not API operations and
 * pass unchecked. {@link CheckAgainstContract} puts one in front of every {@code @QuarkusTest} method.
 */
public final class ContractValidation implements Filter {

    static final Path COMMITTED = Path.of("..", "openapi", "openapi.yaml");
    static final Path VIOLATIONS = Path.of("target", "contract-violations.txt");
    static final String MODE = "debrief.contract.validation";
    private static final int SHOWN = 20;

    private static final AtomicLong REQUESTS_CHECKED = new AtomicLong();
    private static final AtomicLong RESPONSES_CHECKED = new AtomicLong();
    private static Contract committed;
    private static final Set<Path> STARTED = new HashSet<>();

    private final Contract contract;
    private final String test;
    private final boolean checkRequests;
    private final boolean failing;
    private final Path log;

    ContractValidation(Contract contract, String test, boolean checkRequests, boolean failing, Path log) {
        this.contract = contract;
        this.test = test;
        this.checkRequests = checkRequests;
        this.failing = failing;
        this.log = log;
    }

    /** The filter for one test, against the committed contract (read once), in the mode the run asks for. */
    static ContractValidation forTest(String test, boolean checkRequests) {
        return new ContractValidation(committed(), test, checkRequests, failing(), VIOLATIONS);
    }

    private static synchronized Contract committed() {
        if (committed == null) {
            committed = Contract.read(COMMITTED);
        }
        return committed;
    }

    private static boolean failing() {
        String mode = System.getProperty(MODE, "fail");
        return switch (mode) {
            case "fail" -> true;
            case "report" -> false;
            default -> throw new IllegalArgumentException(MODE + " is 'fail' or 'report', not '" + mode + "'");
        };
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpecification,
                           FilterContext context) {
        URI uri = URI.create(request.getURI());
        String method = request.getMethod();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.equals("/q") || path.startsWith("/q/")
                || method.equals("OPTIONS") && request.getHeaders().hasHeaderWithName("Access-Control-Request-Method")) {
            return context.next(request, responseSpecification);
        }
        Optional<Contract.Operation> operation = contract.operation(method, path);
        List<Finding> findings = new ArrayList<>();
        if (checkRequests) {
            String name = operation.map(Contract.Operation::name).orElse(method + " " + path);
            List<Contract.Violation> violations = operation
                    .map(op -> contract.checkRequest(op, uri.getRawQuery(), request.getContentType(), bytes(request.getBody())))
                    .orElseGet(() -> List.of(contract.noOperation(method, path)));
            violations.forEach(violation -> findings.add(new Finding(name, "request", "", "", violation)));
            REQUESTS_CHECKED.incrementAndGet();
        }
        Response response = context.next(request, responseSpecification);
        operation.ifPresent(op -> {
            String status = Integer.toString(response.statusCode());
            String mediaType = Objects.toString(Contract.mediaType(response.contentType()), "");
            contract.checkResponse(op, response.statusCode(), response.contentType(), response.asByteArray())
                    .forEach(violation -> findings.add(new Finding(op.name(), "response", status, mediaType, violation)));
            RESPONSES_CHECKED.incrementAndGet();
        });
        if (!findings.isEmpty()) {
            record(log, findings.stream().map(finding -> finding.line(test)).toList());
            if (failing) {
                throw new AssertionError(message(findings));
            }
        }
        return response;
    }

    /** How many requests and responses were checked so far: {@code [requests, responses]}. */
    static long[] checked() {
        return new long[] {REQUESTS_CHECKED.get(), RESPONSES_CHECKED.get()};
    }

    /** One violation in one exchange. */
    private record Finding(String operation, String side, String status, String mediaType, Contract.Violation violation) {

        /** "GET /api/v1/me (getMe) → 200 application/json: /workspaces/0/name: null found, string expected (type at #/…)" */
        String readable() {
            String exchange = side.equals("request") ? operation + " request" : (operation + " → " + status + " " + mediaType).trim();
            String at = violation.at().isEmpty() ? "" : violation.at() + ": ";
            String rule = violation.schema().isEmpty() ? "" : " (" + violation.kind() + " at " + violation.schema() + ")";
            return exchange + ": " + at + violation.message() + rule;
        }

        /** A line of the violations file: test, side, operation, status, media type, at, kind, message, schema. */
        String line(String test) {
            return String.join("\t", test, side, operation, status, mediaType, violation.at(), violation.kind(),
                    violation.message().replaceAll("\\s+", " "), violation.schema());
        }
    }

    private String message(List<Finding> findings) {
        StringBuilder message = new StringBuilder("The exchange breaks the contract " + COMMITTED + " (recorded in " + log + "):");
        findings.stream().limit(SHOWN).forEach(finding -> message.append("\n  - ").append(finding.readable()));
        if (findings.size() > SHOWN) {
            message.append("\n  … and ").append(findings.size() - SHOWN).append(" more");
        }
        return message.toString();
    }

    /**
     * Appends to the violations file; the first time in this process, a file an earlier process wrote
     * is started afresh (a test class loader of its own would load this class again: the process id in
     * the header tells).
     */
    private static synchronized void record(Path log, List<String> lines) {
        String header = "# contract violations of test process " + ProcessHandle.current().pid()
                + "; columns: test, side, operation, status, media type, at, kind, message, schema";
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            if (STARTED.add(log) && !(Files.exists(log) && header.equals(Files.readAllLines(log).stream().findFirst().orElse("")))) {
                Files.writeString(log, header + "\n");
            }
            Files.write(log, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Object body) {
        if (body == null || body instanceof byte[]) {
            return (byte[]) body;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof File file) {
            try {
                return Files.readAllBytes(file.toPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("a request body of type " + body.getClass().getName() + ": teach ContractValidation to read it");
    }
}
