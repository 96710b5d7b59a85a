package dev.debrief.application.service.imports;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.IntFunction;

/** A stored import file read back chunk by chunk: one chunk in memory at a time, fetched when the reader needs it. */
final class ChunkedInputStream extends InputStream {

    private final IntFunction<Optional<byte[]>> chunks;
    private int nextSeq;
    private byte[] chunk = new byte[0];
    private int position;
    private boolean ended;

    /** @param chunks chunk {@code seq} of the file, empty past the last one */
    ChunkedInputStream(IntFunction<Optional<byte[]>> chunks) {
        this.chunks = chunks;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return chunk[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }

    private boolean fill() {
        while (position >= chunk.length) {
            if (ended) {
                return false;
            }
            Optional<byte[]> next = chunks.apply(nextSeq++);
            if (next.isEmpty()) {
                ended = true;
                return false;
            }
            chunk = next.get();
            position = 0;
        }
        return true;
    }
}
