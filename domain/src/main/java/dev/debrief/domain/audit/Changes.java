package dev.debrief.domain.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Names the fields whose values differ between two states of a resource, for the audit trail. */
public final class Changes {

    private final Map<String, Object[]> values = new LinkedHashMap<>();

    public static Changes of() {
        return new Changes();
    }

    public Changes field(String name, Object before, Object after) {
        values.put(name, new Object[]{before, after});
        return this;
    }

    public List<String> changed() {
        List<String> changed = new ArrayList<>();
        values.forEach((name, pair) -> {
            if (!Objects.equals(pair[0], pair[1])) {
                changed.add(name);
            }
        });
        return changed;
    }
}
