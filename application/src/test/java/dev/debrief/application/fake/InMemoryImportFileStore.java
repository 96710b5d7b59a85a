package dev.debrief.application.fake;

import dev.debrief.application.port.out.imports.ImportFileStore;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Import files in memory, chunk by chunk, keyed by workspace and job. */
public class InMemoryImportFileStore implements ImportFileStore {

    private record Key(WorkspaceId workspaceId, ImportId importId, int seq) {
    }

    private final Map<Key, byte[]> chunks = new ConcurrentHashMap<>();

    @Override
    public void append(WorkspaceId workspaceId, ImportId importId, int seq, byte[] data) {
        if (chunks.putIfAbsent(new Key(workspaceId, importId, seq), data.clone()) != null) {
            throw new IllegalStateException("chunk " + seq + " exists");
        }
    }

    @Override
    public Optional<byte[]> chunk(WorkspaceId workspaceId, ImportId importId, int seq) {
        return Optional.ofNullable(chunks.get(new Key(workspaceId, importId, seq))).map(byte[]::clone);
    }

    @Override
    public void delete(WorkspaceId workspaceId, ImportId importId) {
        chunks.keySet().removeIf(k -> k.workspaceId().equals(workspaceId) && k.importId().equals(importId));
    }
}
