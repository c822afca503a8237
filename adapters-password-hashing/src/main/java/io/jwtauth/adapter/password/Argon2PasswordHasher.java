package io.jwtauth.adapter.password;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.port.PasswordHasher;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC text form, {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, computed by
 * Bouncy Castle. The defaults are OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane); each hash records its own
 * parameters, so raising them later still verifies the older hashes.
 *
 * <p>Argon2's memory is kept for {@code concurrentHashes} hashes at the configured size, as one arena of blocks per
 * hash, and zeroed before it goes back. Allocating 19 MiB afresh for every hash made the collector's work, not the
 * hashing, the limit on logins per second in a small heap; with the arenas, a hash allocates almost nothing. A hash
 * has its arena to itself: with Bouncy Castle's one pool for all hashes, each hash took its blocks one at a time,
 * under the pool's lock, from what the other hashes had just given back, and two threads hashed 69 to 79 times a
 * second under JMH where with an arena each they hashed 89 to 100 times. The price of keeping memory: it stays
 * allocated once the first hashes have run.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;

    private static final Pattern PHC_FORM = Pattern.compile(
            "\\$argon2(id|i|d)\\$(?:v=(\\d+)\\$)?m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+={0,2})\\$([A-Za-z0-9+/]+={0,2})");
    private static final String[] TYPE_NAMES = {"d", "i", "id"};

    private static final int SALT_LENGTH = 16;
    private static final int HASH_LENGTH = 32;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final int arenaBlocks;
    private final AtomicInteger arenasLeftToMake;
    /** Free arenas, the one given back last first: its memory is the likeliest to be in the CPU's caches still. */
    private final Deque<Argon2BytesGenerator.FixedBlockPool> freeArenas = new ConcurrentLinkedDeque<>();
    private final SecureRandom random = new SecureRandom();

    /** The defaults, with memory kept for one hash at a time. */
    public Argon2PasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM, 1);
    }

    /**
     * @param concurrentHashes how many arenas to keep, that is how many hashes at once reuse their memory: the number
     *                         of threads that hash; more hashes at once still work, each with memory of its own
     * @throws IllegalArgumentException for parameters Argon2 does not allow
     */
    public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism, int concurrentHashes) {
        if (parallelism < 1 || iterations < 1 || memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 needs at least 1 lane, 1 iteration and 8 KiB of memory per lane");
        }
        if (concurrentHashes < 1) {
            throw new IllegalArgumentException("Argon2's memory needs to be kept for at least one hash");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.arenaBlocks = Argon2BytesGenerator.getBlockCount(memoryKib, parallelism);
        this.arenasLeftToMake = new AtomicInteger(concurrentHashes);
    }

    @Override
    public PasswordHash hash(PlainPassword password) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        Setting setting = new Setting(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13,
                memoryKib, iterations, parallelism, salt);
        byte[] hash = compute(password, setting, HASH_LENGTH);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash("$argon2" + TYPE_NAMES[setting.type()] + "$v=" + setting.version()
                + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash));
    }

    /** False also for a hash this hasher cannot read, such as one of another scheme or a damaged one. */
    @Override
    public boolean matches(PlainPassword password, PasswordHash hash) {
        Optional<Decoded> decoded = decode(hash);
        if (decoded.isEmpty()) {
            return false;
        }
        try {
            byte[] expected = decoded.get().hash();
            return MessageDigest.isEqual(compute(password, decoded.get().setting(), expected.length), expected);
        } catch (RuntimeException impossible) {
            // Parameters that parse but that Argon2 refuses (an unknown version, a hash too short) match nothing.
            return false;
        }
    }

    /**
     * Whether {@code hash} is of another variant or version than Argon2id 1.3, or was made with less memory or fewer
     * iterations than now configured, so that it should be replaced by a new hash the next time the password is known.
     * A hash this hasher cannot read counts as outdated.
     */
    @Override
    public boolean needsRehash(PasswordHash hash) {
        return decode(hash).map(Decoded::setting)
                .map(stored -> stored.type() != Argon2Parameters.ARGON2_id
                        || stored.version() != Argon2Parameters.ARGON2_VERSION_13
                        || stored.memoryKib() < memoryKib || stored.iterations() < iterations)
                .orElse(true);
    }

    /** Argon2 in the PHC form, any variant and parameters: what this hasher makes and what it can check. */
    @Override
    public boolean recognizes(PasswordHash hash) {
        return isPhcForm(hash.encoded());
    }

    static boolean isPhcForm(String encoded) {
        return PHC_FORM.matcher(encoded).matches();
    }

    /** With a kept arena if one is free, else with memory of its own that the collector takes back afterwards. */
    private byte[] compute(PlainPassword password, Setting setting, int length) {
        byte[] hash = new byte[length];
        char[] characters = password.value().toCharArray();
        Argon2BytesGenerator.FixedBlockPool arena = takeArena();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(setting.parameters(arena != null ? arena : new Argon2BytesGenerator.FixedBlockPool(0)));
            generator.generateBytes(characters, hash);
        } finally {
            Arrays.fill(characters, '\0');
            if (arena != null) {
                freeArenas.addFirst(arena);
            }
        }
        return hash;
    }

    /**
     * A free arena, or a new one while fewer than {@code concurrentHashes} exist (its first hash fills it), or null.
     * Arenas are made as hashes first run at once, so memory is kept for the concurrency that really happens.
     */
    private Argon2BytesGenerator.FixedBlockPool takeArena() {
        Argon2BytesGenerator.FixedBlockPool free = freeArenas.pollFirst();
        if (free != null || arenasLeftToMake.getAndUpdate(left -> Math.max(left - 1, 0)) == 0) {
            return free;
        }
        return new Argon2BytesGenerator.FixedBlockPool(arenaBlocks);
    }

    /** The PHC text read back; a missing version is Argon2's first, 0x10, as the PHC format says. */
    private Optional<Decoded> decode(PasswordHash hash) {
        Matcher phc = PHC_FORM.matcher(hash.encoded());
        if (!phc.matches()) {
            return Optional.empty();
        }
        try {
            int type = switch (phc.group(1)) {
                case "d" -> Argon2Parameters.ARGON2_d;
                case "i" -> Argon2Parameters.ARGON2_i;
                default -> Argon2Parameters.ARGON2_id;
            };
            int version = phc.group(2) == null ? Argon2Parameters.ARGON2_VERSION_10 : Integer.parseInt(phc.group(2));
            Base64.Decoder base64 = Base64.getDecoder();
            return Optional.of(new Decoded(new Setting(type, version, Integer.parseInt(phc.group(3)),
                    Integer.parseInt(phc.group(4)), Integer.parseInt(phc.group(5)), base64.decode(phc.group(6))),
                    base64.decode(phc.group(7))));
        } catch (IllegalArgumentException unreadable) {
            // A number too large for an int, or Base64 with its padding in the wrong place.
            return Optional.empty();
        }
    }

    /** What a hash is computed from besides the password: the variant, version, cost and salt. */
    private record Setting(int type, int version, int memoryKib, int iterations, int parallelism, byte[] salt) {

        Argon2Parameters parameters(Argon2BytesGenerator.BlockPool memory) {
            return new Argon2Parameters.Builder(type).withVersion(version).withMemoryAsKB(memoryKib)
                    .withIterations(iterations).withParallelism(parallelism).withSalt(salt).withBlockPool(memory).build();
        }
    }

    private record Decoded(Setting setting, byte[] hash) {
    }
}
