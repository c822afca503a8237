package io.jwtauth.bootstrap;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Makes the operator commands' objects for picocli and starts the application context (configuration, database,
 * Flyway) only when a command first asks one of its {@link Provider}s for a bean. So {@code --help}, {@code --version}
 * and a mistyped option answer without starting Micronaut or opening the database, as Django's
 * {@code manage.py ... --help} answers without touching its database.
 *
 * <p>A class whose {@link Inject} constructor takes only {@code Provider<T>} parameters gets providers backed by the
 * lazily started context; a class with a no-argument constructor is made by picocli's default factory; any other class
 * is made by Micronaut, which starts the context at once.
 */
final class CommandFactory implements CommandLine.IFactory, AutoCloseable {

    private ApplicationContext context;
    private MicronautFactory micronaut;

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Constructor<K> injected = injectedConstructor(cls);
        if (injected == null) {
            try {
                return CommandLine.defaultFactory().create(cls);
            } catch (Exception noDefaultConstructor) {
                return micronaut().create(cls);
            }
        }
        Type[] parameters = injected.getGenericParameterTypes();
        if (!Arrays.stream(parameters).allMatch(CommandFactory::isProvider)) {
            return micronaut().create(cls);
        }
        Object[] providers = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> bean = (Class<?>) ((ParameterizedType) parameters[i]).getActualTypeArguments()[0];
            providers[i] = (Provider<?>) () -> context().getBean(bean);
        }
        injected.setAccessible(true);
        return injected.newInstance(providers);
    }

    /** The context, started on first use: the CLI environment (application-cli.yml), Flyway migrating at once. */
    synchronized ApplicationContext context() {
        if (context == null) {
            context = ApplicationContext.builder(OperatorCommands.class, Environment.CLI).start();
        }
        return context;
    }

    /** Whether a command has started the context. */
    synchronized boolean started() {
        return context != null;
    }

    private synchronized MicronautFactory micronaut() {
        if (micronaut == null) {
            micronaut = new MicronautFactory(context());
        }
        return micronaut;
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static <K> Constructor<K> injectedConstructor(Class<K> cls) {
        for (Constructor<?> constructor : cls.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(Inject.class)) {
                return (Constructor<K>) constructor;
            }
        }
        return null;
    }

    private static boolean isProvider(Type type) {
        return type instanceof ParameterizedType parameterized && parameterized.getRawType() == Provider.class
                && parameterized.getActualTypeArguments()[0] instanceof Class;
    }
}
