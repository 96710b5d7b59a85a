package dev.debrief.adapter.persistence.imports;

import dev.debrief.application.port.out.imports.ImportFileStore;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Uploaded import files in {@code import_file_chunk}: one {@code bytea} row per chunk, read back one at a time. */
@ApplicationScoped
public class JdbcImportFileStore implements ImportFileStore {

    private final EntityManager em;

    @Inject
    JdbcImportFileStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void append(WorkspaceId workspaceId, ImportId importId, int seq, byte[] data) {
        em.createNativeQuery("insert into import_file_chunk (workspace_id, import_id, seq, data) values (:ws, :id, :seq, :data)")
                .setParameter("ws", workspaceId.value())
                .setParameter("id", importId.value())
                .setParameter("seq", seq)
                .setParameter("data", data)
                .executeUpdate();
    }

    @Override
    public Optional<byte[]> chunk(WorkspaceId workspaceId, ImportId importId, int seq) {
        List<?> rows = em.createNativeQuery("select data from import_file_chunk where workspace_id = :ws and import_id = :id and seq = :seq")
                .setParameter("ws", workspaceId.value())
                .setParameter("id", importId.value())
                .setParameter("seq", seq)
                .getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    @Override
    public void delete(WorkspaceId workspaceId, ImportId importId) {
        em.createNativeQuery("delete from import_file_chunk where workspace_id = :ws and import_id = :id")
                .setParameter("ws", workspaceId.value())
                .setParameter("id", importId.value())
                .executeUpdate();
    }
}
