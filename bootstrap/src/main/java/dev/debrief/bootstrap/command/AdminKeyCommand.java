package dev.debrief.bootstrap.command;

import dev.debrief.application.port.in.access.IssueAdminKeyUseCase;
import dev.debrief.application.port.in.access.IssueAdminKeyUseCase.IssuedAdminKey;
import dev.debrief.bootstrap.db.StartupRefused;
import dev.debrief.domain.shared.DomainException;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

/**
 * {@code admin-key <workspace id or name>}, run by Quarkus (see {@link Commands}): the new key alone
 * on stdout, shown this once like the first one; what it is for on stderr.
 */
public class AdminKeyCommand implements QuarkusApplication {

    @Inject
    IssueAdminKeyUseCase adminKeys;

    @Override
    public int run(String... args) {
        IssuedAdminKey issued;
        try {
            issued = adminKeys.issue(args[0]);
        } catch (DomainException refused) {
            new StartupRefused(refused.getMessage()).printErrorLine();
            return 1;
        }
        System.err.printf("A new admin API key for the workspace \"%s\" (%s), shown this once; the other keys stay valid:%n",
                issued.workspace().name(), issued.workspace().id());
        System.out.println(issued.adminKey().secret());
        return 0;
    }
}
