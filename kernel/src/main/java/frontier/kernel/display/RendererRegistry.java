package frontier.kernel.display;

import frontier.display.Displayable;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that turns values into MIME bundles. Renderers are registered by type and
 * found by walking the value's class, its superclasses and interfaces, most specific first;
 * text/plain is always present (readable for arrays, never {@code [I@1b6d3586}).
 */
public final class RendererRegistry {
    private final Map<Class<?>, Renderer<?>> renderers = new ConcurrentHashMap<>();

    /** A registry with the renderers every session starts with (each session has its own). */
    public static RendererRegistry withBuiltins() {
        return BuiltinRenderers.install(new RendererRegistry());
    }

    public <T> RendererRegistry register(Class<T> type, Renderer<? super T> renderer) {
        renderers.put(type, renderer);
        return this;
    }

    /** The MIME bundle of a value: its renderer's forms plus text/plain. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, Object> render(Object value) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        if (value != null) {
            Renderer r = find(value.getClass());
            if (r != null) {
                try {
                    r.render(value, bundle);
                } catch (RuntimeException e) {
                    bundle.clear();
                    bundle.put("text/plain", ReadableText.of(value) + "\n(rich display failed: " + e + ")");
                }
            }
        }
        bundle.putIfAbsent("text/plain", ReadableText.of(value));
        return bundle;
    }

    Renderer<?> find(Class<?> type) {
        for (Class<?> c : lookupOrder(type)) {
            Renderer<?> r = renderers.get(c);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** The class, then Object[] for reference arrays, then breadth-first supertypes (classes before interfaces). */
    static Set<Class<?>> lookupOrder(Class<?> type) {
        Set<Class<?>> order = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(type);
        if (type.isArray() && !type.getComponentType().isPrimitive()) {
            queue.add(Object[].class);
        }
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (!order.add(c)) {
                continue;
            }
            if (c.getSuperclass() != null && c.getSuperclass() != Object.class) {
                queue.add(c.getSuperclass());
            }
            queue.addAll(java.util.List.of(c.getInterfaces()));
        }
        order.add(Object.class);
        return order;
    }

    /** Displayable values carry their own bundle. */
    static void renderDisplayable(Displayable d, Map<String, Object> bundle) {
        Map<String, Object> own = d.mimeBundle();
        if (own != null) {
            bundle.putAll(own);
        }
    }
}
