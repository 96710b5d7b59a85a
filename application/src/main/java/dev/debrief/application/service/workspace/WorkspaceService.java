package dev.debrief.application.service.workspace;

import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase;
import dev.debrief.application.port.in.workspace.UpdateWorkspaceUseCase;
import dev.debrief.application.port.in.workspace.WorkspaceQueries;
import dev.debrief.application.port.out.access.AccessSettings;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.audit.Changes;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.taxonomy.DefaultTaxonomy;
import dev.debrief.domain.vocabulary.DefaultVocabulary;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import dev.debrief.domain.deal.ContractTerm;
import dev.debrief.domain.followup.CheckInPolicy;
import dev.debrief.domain.shared.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

@ApplicationScoped
@Transactional
public class WorkspaceService implements CreateWorkspaceUseCase, UpdateWorkspaceUseCase, WorkspaceQueries {

    private final WorkspaceRepository workspaces;
    private final VocabularyRepository vocabulary;
    private final LossReasonRepository reasons;
    private final MemberRepository members;
    private final AccessSettings settings;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public WorkspaceService(WorkspaceRepository workspaces, VocabularyRepository vocabulary,
                            LossReasonRepository reasons, MemberRepository members, AccessSettings settings,
                            Auditor audit, Clock clock) {
        this.workspaces = workspaces;
        this.vocabulary = vocabulary;
        this.reasons = reasons;
        this.members = members;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Workspace create(CreateWorkspaceCommand command) {
        Principal.Person creator = command.creator();
        if (creator != null) {
            settings.bootstrapAdminEmail().ifPresent(email -> {
                if (!creator.emailVerified() || creator.email() == null || !creator.email().equalsIgnoreCase(email.strip())) {
                    throw new Forbidden("Only the bootstrap admin (DEBRIEF_BOOTSTRAP_ADMIN_EMAIL, with a verified email) may create workspaces");
                }
            });
        }
        Workspace workspace = workspaces.save(
                Workspace.create(command.name(), command.timeZone(), command.defaultCurrency(),
                        policy(CheckInPolicy.DEFAULT, command.checkInRatio(), command.checkInAssumedTermMonths()),
                        clock.instant()));
        DefaultVocabulary.forNewWorkspace(workspace.id()).forEach(vocabulary::save);
        DefaultTaxonomy.forNewWorkspace(workspace.id()).forEach(reasons::save);
        Access founder = null;
        if (creator != null) {
            Member member = members.save(Member.founder(workspace.id(), creator, clock.instant()));
            founder = new Access(workspace.id(), new Access.MemberActor(member.id(), member.role()));
            audit.record(founder, "member", member.id().value(), "create", List.of("issuer", "subject", "email", "role"));
        }
        audit.record(founder, workspace.id(), "workspace", workspace.id().value(), "create",
                List.of("name", "timeZone", "defaultCurrency"));
        return workspace;
    }

    @Override
    public Workspace update(UpdateWorkspaceCommand command) {
        Access access = command.access().require(Right.ADMINISTER);
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        Changes changes = Changes.of();
        String oldName = workspace.name();
        var oldZone = workspace.timeZone();
        var oldCurrency = workspace.defaultCurrency();
        CheckInPolicy oldPolicy = workspace.checkInPolicy();
        workspace.update(command.name(), command.timeZone(), command.defaultCurrency(),
                policy(oldPolicy, command.checkInRatio(), command.checkInAssumedTermMonths()), clock.instant());
        Workspace saved = workspaces.save(workspace);
        audit.record(access, "workspace", saved.id().value(), "change", changes.field("name", oldName, saved.name())
                .field("timeZone", oldZone, saved.timeZone()).field("defaultCurrency", oldCurrency, saved.defaultCurrency())
                .field("checkInRatio", oldPolicy.ratio().stripTrailingZeros(), saved.checkInPolicy().ratio().stripTrailingZeros())
                .field("checkInAssumedTermMonths", oldPolicy.assumedTerm(), saved.checkInPolicy().assumedTerm())
                .changed());
        return saved;
    }

    /** The check-in policy {@code base} with the settings given (null: as in base). */
    private static CheckInPolicy policy(CheckInPolicy base, java.math.BigDecimal ratio, Integer assumedTermMonths) {
        return new CheckInPolicy(ratio == null ? base.ratio() : ratio,
                assumedTermMonths == null ? base.assumedTerm() : term(assumedTermMonths));
    }

    private static ContractTerm term(int months) {
        try {
            return new ContractTerm(months);
        } catch (RuleViolation e) {
            throw new RuleViolation("check-in.assumed-term-out-of-range",
                    "checkInAssumedTermMonths must be between 1 and " + ContractTerm.MAX_MONTHS, "checkInAssumedTermMonths");
        }
    }

    @Override
    public Workspace get(WorkspaceId workspaceId) {
        return Workspaces.require(workspaces, workspaceId);
    }
}
