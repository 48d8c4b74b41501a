package dev.runtask.runtime.index;

/**
 * What a task's command is made of, in the order picocli would add it: its own option and
 * positional fields ({@link ArgEntry}) and its {@code @Mixin} fields ({@link MixinEntry}), from the
 * topmost superclass down, each class's fields in declaration order.
 */
public sealed interface CommandMember permits ArgEntry, MixinEntry {}
