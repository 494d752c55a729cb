package dev.lplogin.emulator;

import dev.lplogin.emulator.json.SkillJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each account's skills and the collection's revision, as LivePerson's Account Configuration API keeps them: every
 * change moves the revision on by one, and a change must name the revision it was based on. Accounts start with no
 * skills at revision {@value #FIRST_REVISION}. One lock: every operation is a few list and map steps.
 */
final class SkillCatalog {

    static final long FIRST_REVISION = 1;

    /** The skills of one account as one read saw them. */
    record Snapshot(List<SkillJson> skills, long revision) {
    }

    /** One account's collection. */
    private static final class Collection {
        final List<SkillJson> skills = new ArrayList<>();
        long revision = FIRST_REVISION;
    }

    private final Map<String, Collection> byAccount = new HashMap<>();

    synchronized Snapshot list(String account) {
        var collection = byAccount.get(account);
        return collection == null
                ? new Snapshot(List.of(), FIRST_REVISION)
                : new Snapshot(List.copyOf(collection.skills), collection.revision);
    }

    /**
     * Adds a skill if {@code basedOn} is the current revision (or {@code any}); returns it and the new revision.
     *
     * @throws Rejection 412 if the revision is stale, 409 if a skill of that name exists
     */
    synchronized Snapshot create(String account, IfMatch basedOn, String name) {
        var collection = byAccount.computeIfAbsent(account, key -> new Collection());
        if (!basedOn.matches(collection.revision)) {
            throw new Rejection(412, "the revision in If-Match is not the current one (" + collection.revision
                    + "): read the skills again and retry with the ETag it answers");
        }
        if (collection.skills.stream().anyMatch(skill -> skill.name().equals(name))) {
            throw new Rejection(409, "a skill named '" + name + "' exists");
        }
        var skill = new SkillJson(collection.skills.size() + 1L, name);
        collection.skills.add(skill);
        collection.revision++;
        return new Snapshot(List.of(skill), collection.revision);
    }

    synchronized void clear() {
        byAccount.clear();
    }

    /**
     * An {@code If-Match} header (RFC 9110 §13.1.1): {@code *} or a list of entity tags; our tags are revisions,
     * taken quoted or bare, strong or weak.
     */
    record IfMatch(boolean any, List<String> tags) {

        static IfMatch parse(String header) {
            if (header.strip().equals("*")) {
                return new IfMatch(true, List.of());
            }
            var tags = new ArrayList<String>();
            for (String tag : header.split(",")) {
                String bare = tag.strip();
                if (bare.startsWith("W/")) {
                    bare = bare.substring(2);
                }
                if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
                    bare = bare.substring(1, bare.length() - 1);
                }
                tags.add(bare);
            }
            return new IfMatch(false, List.copyOf(tags));
        }

        boolean matches(long revision) {
            return any || tags.contains(Long.toString(revision));
        }
    }

    /** The {@code ETag} of a revision: the number, quoted (RFC 9110 §8.8.3). */
    static String etag(long revision) {
        return "\"" + revision + "\"";
    }
}
