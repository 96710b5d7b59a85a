package dev.debrief.adapter.persistence.imports;

import dev.debrief.application.port.out.imports.ImportJobRepository;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.imports.ImportCounts;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.imports.ImportRejection;
import dev.debrief.domain.imports.ImportStatus;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Import jobs in {@code import_job}, rejections in {@code import_rejection}: native SQL on the
 * transaction's connection (the claim needs {@code for update skip locked}, which JPQL lacks; a job's
 * progress is a row update, not an aggregate graph). The creator's access is stored as its actor kind,
 * id, and role or space-separated scopes.
 */
@ApplicationScoped
public class JdbcImportJobRepository implements ImportJobRepository {

    private static final String COLUMNS = """
            id, workspace_id, status, actor_kind, actor_id, actor_role, actor_scopes, file_name, file_bytes,
            rows_read, created, updated, unchanged, stale, rejected, checkpoint_row, error, created_at, started_at,
            finished_at""";

    private final EntityManager em;

    @Inject
    JdbcImportJobRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void create(ImportJob job) {
        Access.Actor actor = job.access().actor();
        String kind;
        UUID actorId;
        String role = null;
        String scopes = null;
        if (actor instanceof Access.MemberActor member) {
            kind = "MEMBER";
            actorId = member.memberId().value();
            role = member.role().name();
        } else if (actor instanceof Access.KeyActor key) {
            kind = "KEY";
            actorId = key.keyId().value();
            scopes = key.scopes().stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
        } else {
            throw new IllegalArgumentException("Unknown actor " + actor);
        }
        em.createNativeQuery("""
                        insert into import_job (id, workspace_id, status, actor_kind, actor_id, actor_role, actor_scopes,
                            file_name, file_bytes, created_at, updated_at)
                        values (:id, :ws, :status, :kind, :actor, cast(:role as varchar), cast(:scopes as text),
                            cast(:fileName as varchar), :bytes, :now, :now)""")
                .setParameter("id", job.id().value())
                .setParameter("ws", job.access().workspaceId().value())
                .setParameter("status", job.status().name())
                .setParameter("kind", kind)
                .setParameter("actor", actorId)
                .setParameter("role", role)
                .setParameter("scopes", scopes)
                .setParameter("fileName", job.fileName())
                .setParameter("bytes", job.fileBytes())
                .setParameter("now", utc(job.createdAt()))
                .executeUpdate();
    }

    @Override
    public void setFileBytes(WorkspaceId workspaceId, ImportId id, long fileBytes) {
        em.createNativeQuery("update import_job set file_bytes = :bytes where workspace_id = :ws and id = :id")
                .setParameter("bytes", fileBytes)
                .setParameter("ws", workspaceId.value())
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public Optional<ImportJob> find(WorkspaceId workspaceId, ImportId id) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from import_job where workspace_id = :ws and id = :id")
                .setParameter("ws", workspaceId.value())
                .setParameter("id", id.value())
                .getResultList();
        return rows.stream().findFirst().map(row -> job((Object[]) row));
    }

    @Override
    public void delete(WorkspaceId workspaceId, ImportId id) {
        em.createNativeQuery("delete from import_job where workspace_id = :ws and id = :id")
                .setParameter("ws", workspaceId.value())
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public Optional<ImportJob> claim(Instant now, Instant leaseUntil, UUID token) {
        List<?> ids = em.createNativeQuery("""
                        select workspace_id, id from import_job
                        where status = 'QUEUED' or (status = 'RUNNING' and lease_until <= :now)
                        order by created_at, id
                        limit 1
                        for update skip locked""")
                .setParameter("now", utc(now))
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Object[] key = (Object[]) ids.get(0);
        UUID ws = (UUID) key[0];
        UUID id = (UUID) key[1];
        em.createNativeQuery("""
                        update import_job set status = 'RUNNING', lease_token = :token, lease_until = :until,
                            attempts = attempts + 1, started_at = coalesce(started_at, :now), updated_at = :now
                        where workspace_id = :ws and id = :id""")
                .setParameter("token", token)
                .setParameter("until", utc(leaseUntil))
                .setParameter("now", utc(now))
                .setParameter("ws", ws)
                .setParameter("id", id)
                .executeUpdate();
        return find(new WorkspaceId(ws), new ImportId(id));
    }

    @Override
    public boolean lockLease(WorkspaceId workspaceId, ImportId id, UUID token) {
        List<?> rows = em.createNativeQuery("""
                        select lease_token from import_job where workspace_id = :ws and id = :id and status = 'RUNNING'
                        for update""")
                .setParameter("ws", workspaceId.value())
                .setParameter("id", id.value())
                .getResultList();
        return !rows.isEmpty() && token.equals(rows.get(0));
    }

    @Override
    public void save(ImportJob job, Instant leaseUntil, Instant now) {
        ImportCounts c = job.counts();
        em.createNativeQuery("""
                        update import_job set status = :status, rows_read = :read, created = :created, updated = :updated,
                            unchanged = :unchanged, stale = :stale, rejected = :rejected, checkpoint_row = :checkpoint,
                            error = cast(:error as text), finished_at = cast(:finished as timestamptz),
                            lease_until = cast(:until as timestamptz),
                            lease_token = case when cast(:until as timestamptz) is null then null else lease_token end,
                            updated_at = :now
                        where workspace_id = :ws and id = :id""")
                .setParameter("status", job.status().name())
                .setParameter("read", c.rowsRead())
                .setParameter("created", c.created())
                .setParameter("updated", c.updated())
                .setParameter("unchanged", c.unchanged())
                .setParameter("stale", c.stale())
                .setParameter("rejected", c.rejected())
                .setParameter("checkpoint", job.checkpointRow())
                .setParameter("error", job.error())
                .setParameter("finished", job.finishedAt() == null ? null : utc(job.finishedAt()))
                .setParameter("until", leaseUntil == null ? null : utc(leaseUntil))
                .setParameter("now", utc(now))
                .setParameter("ws", job.access().workspaceId().value())
                .setParameter("id", job.id().value())
                .executeUpdate();
    }

    @Override
    public void addRejections(WorkspaceId workspaceId, ImportId id, List<ImportRejection> rejections) {
        for (ImportRejection r : rejections) {
            em.createNativeQuery("""
                            insert into import_rejection (workspace_id, import_id, row_number, field, code, message)
                            values (:ws, :id, :row, cast(:field as varchar), :code, :message)
                            on conflict do nothing""")
                    .setParameter("ws", workspaceId.value())
                    .setParameter("id", id.value())
                    .setParameter("row", r.rowNumber())
                    .setParameter("field", r.field())
                    .setParameter("code", r.code())
                    .setParameter("message", r.message())
                    .executeUpdate();
        }
    }

    @Override
    public List<ImportRejection> rejections(WorkspaceId workspaceId, ImportId id, int afterRow, int limit) {
        List<?> rows = em.createNativeQuery("""
                        select row_number, field, code, message from import_rejection
                        where workspace_id = :ws and import_id = :id and row_number > :after
                        order by row_number limit :limit""")
                .setParameter("ws", workspaceId.value())
                .setParameter("id", id.value())
                .setParameter("after", afterRow)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new ImportRejection(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3]);
        }).toList();
    }

    private static ImportJob job(Object[] r) {
        WorkspaceId ws = new WorkspaceId((UUID) r[1]);
        Access.Actor actor;
        if ("MEMBER".equals(r[3])) {
            actor = new Access.MemberActor(new MemberId((UUID) r[4]), Role.valueOf((String) r[5]));
        } else {
            Set<Scope> scopes = new LinkedHashSet<>();
            String stored = (String) r[6];
            if (stored != null && !stored.isBlank()) {
                Arrays.stream(stored.split(" ")).forEach(s -> scopes.add(Scope.of(s, "scopes")));
            }
            actor = new Access.KeyActor(new ApiKeyId((UUID) r[4]), Set.copyOf(scopes));
        }
        return ImportJob.rehydrate(new ImportId((UUID) r[0]), new Access(ws, actor), (String) r[7],
                ((Number) r[8]).longValue(), ImportStatus.valueOf((String) r[2]),
                new ImportCounts(n(r[9]), n(r[10]), n(r[11]), n(r[12]), n(r[13]), n(r[14])), n(r[15]), (String) r[16],
                instant(r[17]), instant(r[18]), instant(r[19]));
    }

    private static int n(Object value) {
        return ((Number) value).intValue();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
