package dev.debrief.bootstrap.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Every test request carries a real token of "alice" unless it carries its own credentials
 * (Authorization or X-Api-Key) or asks to go without ({@link #ANONYMOUS}), and JSON bodies, merge
 * patches too, are declared UTF-8. Alice creates the
 * workspaces the tests use, so she is their ADMIN.
 */
public class AuthenticateAsAlice implements QuarkusTestBeforeEachCallback {

    public static final String ALICE = "alice";
    /** Header a test sets to send no credentials at all; removed before the request leaves. */
    public static final String ANONYMOUS = "X-Test-Anonymous";

    private static final Filter ALICE_UNLESS_SAID_OTHERWISE = (request, response, context) -> {
        if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
            request.removeHeader(ANONYMOUS);
        } else if (!request.getHeaders().hasHeaderWithName("Authorization")
                && !request.getHeaders().hasHeaderWithName("X-Api-Key")) {
            request.header("Authorization", "Bearer " + Tokens.person(ALICE));
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        // Alice first; other callbacks' filters (CheckAgainstContract's) stay.
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.remove(ALICE_UNLESS_SAID_OTHERWISE);
        filters.add(0, ALICE_UNLESS_SAID_OTHERWISE);
        RestAssured.replaceFiltersWith(filters);
        // JSON is UTF-8 (RFC 8259) and the service refuses a JSON body in any other charset; REST Assured
        // would otherwise declare merge patches ISO-8859-1.
        RestAssured.config = RestAssured.config().encoderConfig(RestAssured.config().getEncoderConfig()
                .defaultCharsetForContentType("UTF-8", "application/merge-patch+json"));
    }
}
