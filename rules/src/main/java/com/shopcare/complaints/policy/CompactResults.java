package com.shopcare.complaints.policy;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A remembered model outcome's values in a compact, immutable form: each context (a map, such as the decisions by
 * name or an option's fields) becomes two small arrays searched in order, each list an immutable list of such values.
 * The engine's own maps are hash maps of separately allocated entries; a decision reads about twenty values from
 * remembered outcomes, and on a busy server core each entry it follows is likely a cache miss (docs/BENCHMARKS.md).
 * A context holds a handful of entries, so a scan costs less than hashing. Null values are kept (an option without
 * a percentage).
 */
final class CompactResults {

    private CompactResults() {
    }

    /** The value with every map and list in it made compact and immutable; other values as they are. */
    static Object compact(Object value) {
        if (value instanceof Map<?, ?> map) {
            return ContextValues.of(map);
        }
        if (value instanceof Collection<?> list) {
            List<Object> compacted = new ArrayList<>(list.size());
            for (Object item : list) {
                compacted.add(compact(item));
            }
            return Collections.unmodifiableList(compacted);
        }
        return value;
    }

    /** An immutable map over two arrays, in the source map's iteration order. */
    static final class ContextValues extends AbstractMap<String, Object> {

        private final String[] keys;
        private final Object[] values;

        private ContextValues(String[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        static ContextValues of(Map<?, ?> map) {
            String[] keys = new String[map.size()];
            Object[] values = new Object[map.size()];
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                keys[i] = String.valueOf(entry.getKey());
                values[i] = compact(entry.getValue());
                i++;
            }
            return new ContextValues(keys, values);
        }

        @Override
        public Object get(Object key) {
            int at = indexOf(key);
            return at < 0 ? null : values[at];
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public int size() {
            return keys.length;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            int at = next++;
                            return new SimpleImmutableEntry<>(keys[at], values[at]);
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }
    }
}
