package com.mobayilo.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps a component fed from a live stream while it is on screen: subscribes on attach, applies each item
 * inside {@code ui.access} (pushed to the browser), and disposes on detach. Items are handed over off the
 * event loop, because UI code may call blocking services and Netty threads must never block.
 */
public final class LiveBinding {

    private static final Logger log = LoggerFactory.getLogger(LiveBinding.class);

    private LiveBinding() {
    }

    public static <T> Registration bind(Component component, Flux<T> source, Consumer<T> apply) {
        var attach = component.addAttachListener(event -> {
            var ui = event.getUI();
            Disposable subscription = source.publishOn(Schedulers.boundedElastic()).subscribe(
                    item -> ui.access(() -> apply.accept(item)),
                    error -> log.warn("Live updates for {} stopped: {}", component.getClass().getSimpleName(), error.toString()));
            component.addDetachListener(detach -> {
                subscription.dispose();
                detach.unregisterListener();
            });
        });
        return attach;
    }
}
