package dev.stockade.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The one nesting limit of every YAML input, {@link Loader#MAX_NESTING} levels, checked on the
 * parser's events before the composer builds (recursively) any node, so no deeper tree is ever
 * made and nothing that walks a tree recursively later can overflow its stack. A level is a
 * mapping or a sequence: {@code {a: [b]}} is two levels deep. An alias counts as the collection it
 * names, placed where the alias is, so aliases cannot build a deeper tree either. Anchors are
 * remembered per document, as the composer does.
 */
final class NestingLimit implements Parser {
    /** Thrown at the first node that opens a level beyond the limit; the message is what users read. */
    static final class TooDeep extends RuntimeException {
        private final transient Optional<Mark> at;

        TooDeep(int limit, Optional<Mark> at) {
            super("YAML nesting is deeper than " + limit + " levels (expected a Kubernetes manifest)", null, false,
                    false);
            this.at = at;
        }

        /** Where the level too many opens. */
        Optional<Mark> at() {
            return at;
        }
    }

    /** One open collection: its anchor, and how deep its deepest child reaches below it. */
    private static final class Open {
        final String anchor;
        int below;

        Open(String anchor) {
            this.anchor = anchor;
        }
    }

    private final Parser parser;
    private final int limit;
    private final Deque<Open> open = new ArrayDeque<>();
    /** How many levels each anchored collection of this document spans. */
    private final Map<String, Integer> heights = new HashMap<>();

    NestingLimit(Parser parser, int limit) {
        this.parser = parser;
        this.limit = limit;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event e = parser.next();
        switch (e.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (open.size() + 1 > limit) {
                    throw new TooDeep(limit, e.getStartMark());
                }
                open.push(new Open(((NodeEvent) e).getAnchor().map(a -> a.getValue()).orElse(null)));
            }
            case MappingEnd, SequenceEnd -> {
                Open done = open.pop();
                int height = done.below + 1;
                if (done.anchor != null) {
                    heights.put(done.anchor, height);
                }
                reached(height);
            }
            case Alias -> {
                int height = heights.getOrDefault(((AliasEvent) e).getAlias().getValue(), 0);
                if (open.size() + height > limit) {
                    throw new TooDeep(limit, e.getStartMark());
                }
                reached(height);
            }
            case Scalar -> ((NodeEvent) e).getAnchor().ifPresent(a -> heights.put(a.getValue(), 0));
            case DocumentEnd -> heights.clear();
            default -> {
                // stream and document starts, comments: no level
            }
        }
        return e;
    }

    /** A child of the innermost open collection spans {@code height} levels. */
    private void reached(int height) {
        Open parent = open.peek();
        if (parent != null) {
            parent.below = Math.max(parent.below, height);
        }
    }
}
