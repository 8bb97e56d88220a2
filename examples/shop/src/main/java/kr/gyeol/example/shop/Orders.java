package kr.gyeol.example.shop;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * The shop's orders (in memory, as an example), and how many times each was marked paid,
 * so a test can see a webhook delivered twice handled once.
 */
@Component
public class Orders {

    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> fulfilled = new ConcurrentHashMap<>();

    void save(Order order) {
        this.orders.put(order.id(), order);
    }

    public Optional<Order> find(String id) {
        return Optional.ofNullable(this.orders.get(id));
    }

    /**
     * Marks an order paid and ships it, once: a second call for a paid order ships
     * nothing.
     * @return whether this call shipped it
     */
    synchronized boolean markPaid(String id) {
        Order order = this.orders.get(id);
        if (order == null || order.status() == Order.Status.PAID || order.status() == Order.Status.REFUNDED) {
            return false;
        }
        this.orders.put(id, order.with(Order.Status.PAID));
        this.fulfilled.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    synchronized void mark(String id, Order.Status status) {
        this.orders.computeIfPresent(id, (key, order) -> order.with(status));
    }

    /** How many times the order was shipped. */
    public int shipments(String id) {
        AtomicInteger count = this.fulfilled.get(id);
        return count == null ? 0 : count.get();
    }

}
