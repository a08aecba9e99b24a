package com.mobayilo.bench;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;

/**
 * The bytes an HTTP session takes when every attribute is written with Java serialization, as session
 * persistence or replication would write it. Objects that are not serializable (the Spring beans and lambdas
 * that views hold) become a short marker instead of failing the whole write, and their types are listed.
 */
record SessionSize(long bytes, Set<String> leftOut) {

    static SessionSize of(HttpSession session) throws IOException {
        var counter = new Counter();
        var leftOut = new TreeSet<String>();
        try (var out = new Replacing(counter, leftOut)) {
            for (var name : Collections.list(session.getAttributeNames())) {
                var value = session.getAttribute(name);
                var lock = value instanceof VaadinSession vaadin ? vaadin.getLockInstance() : null;
                if (lock != null) {
                    lock.lock();
                }
                try {
                    out.writeObject(name);
                    out.writeObject(value);
                }
                finally {
                    if (lock != null) {
                        lock.unlock();
                    }
                }
            }
        }
        return new SessionSize(counter.bytes, leftOut);
    }

    private static final class Counter extends OutputStream {

        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private static final class Replacing extends ObjectOutputStream {

        private final Set<String> leftOut;

        Replacing(OutputStream out, Set<String> leftOut) throws IOException {
            super(out);
            this.leftOut = leftOut;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object object) {
            if (object == null || object instanceof Serializable) {
                return object;
            }
            var type = object.getClass().getName();
            leftOut.add(type.replaceAll("\\$\\$Lambda.*", " (lambda)").replaceAll("\\$\\$SpringCGLIB.*", ""));
            return "not serializable";
        }
    }
}
