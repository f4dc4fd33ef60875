package ai.opencrane.controlplane.reconcile;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Iterates over items fetched a page at a time; each page says where the next one starts. */
final class Pages<T> implements Iterator<T> {

    record Page<T>(List<T> items, String next) {
    }

    private final Function<String, Page<T>> fetch;
    private Iterator<T> current = List.<T>of().iterator();
    private String next;
    private boolean more = true;

    Pages(Function<String, Page<T>> fetch) {
        this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && more) {
            Page<T> page = fetch.apply(next);
            current = page.items().iterator();
            next = page.next();
            more = next != null;
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
