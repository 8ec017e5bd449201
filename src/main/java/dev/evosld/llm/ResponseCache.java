package dev.evosld.llm;

import dev.evosld.EvosldException;
import dev.evosld.json.Json;
import dev.evosld.run.AtomicFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * LLM answers on disk, one JSON file {@code <dir>/<key>.json} per request, holding the {@code request} (model,
 * messages, temperature, max_tokens), so that a reader can see what the model was asked, and the answer's
 * {@code content} and {@code usage}. The key is the SHA-256 (hex) of the request's canonical JSON, so neither the API
 * key nor the endpoint URL affects it.
 *
 * <p>Entries are written to a temporary file, forced to disk and renamed into place ({@link AtomicFiles#replace}),
 * so a reader, another thread, a concurrent run or a machine that lost power never sees half an entry. An entry that cannot be parsed (edited by hand, written by an
 * incompatible version) counts as a miss and is replaced by the next store.
 */
public final class ResponseCache {
    private final Path directory;

    private ResponseCache(Path directory) {
        this.directory = directory;
    }

    /**
     * The cache in {@code directory}, created if needed.
     *
     * @throws EvosldException when the directory cannot be created
     */
    public static ResponseCache open(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new EvosldException(directory + ": cannot create the LLM response cache (" + reason(e) + ")", e);
        }
        return new ResponseCache(directory);
    }

    /** The cache directory. */
    public Path directory() {
        return directory;
    }

    /** The cache key of {@code request}: 64 lowercase hex digits. */
    public static String key(ChatRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(request.canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK provides SHA-256", e);
        }
    }

    /** The file that holds (or would hold) the answer to {@code request}. */
    public Path entry(ChatRequest request) {
        return directory.resolve(key(request) + ".json");
    }

    /** The stored answer to {@code request}, if any. */
    public Optional<ChatResponse> find(ChatRequest request) {
        Path file = entry(request);
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty(); // bytes that are not UTF-8 are as damaged as JSON that does not parse
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return Optional.empty(); // the folder itself is gone or is a file: no entry, and the store will say why
            }
            throw new EvosldException(file + ": cannot read the LLM response cache entry (" + reason(e) + ")", e);
        }
        try {
            ChatResponse response = Json.mapper().readValue(json, ChatResponse.class);
            return Optional.ofNullable(response);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // A damaged entry is only a lost answer: asking again is correct, and the store replaces it.
            return Optional.empty();
        }
    }

    /**
     * Stores {@code response} as the answer to {@code request}, replacing any earlier entry.
     *
     * @throws EvosldException when the entry cannot be written
     */
    public void store(ChatRequest request, ChatResponse response) {
        Path file = entry(request);
        try {
            // forced to disk before the rename: an entry lost to a power cut would be asked again, and a resumed run
            // would replay another answer than the one it searched with
            AtomicFiles.replace(file, Json.mapper().writeValueAsString(new Entry(request, response.content(),
                response.usage())).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EvosldException(file + ": cannot write the LLM response cache entry (" + reason(e) + ")", e);
        }
    }

    /** An entry as written; {@link #find} reads its answer alone, as a {@link ChatResponse}. */
    private record Entry(ChatRequest request, String content, TokenUsage usage) {
    }

    /** What went wrong, in the system's words ("permission denied", "no space left on device"), not Java's. */
    private static String reason(IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
            : e instanceof NoSuchFileException ? "no such folder"
            : e instanceof FileAlreadyExistsException ? "a file of that name is in the way"
            : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
            : Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
