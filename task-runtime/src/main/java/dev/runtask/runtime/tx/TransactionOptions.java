package dev.runtask.runtime.tx;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Immutable options of a transaction: isolation level, read-only flag and timeout. */
public final class TransactionOptions {

  /** Read-write, the database's default isolation, no timeout. */
  public static final TransactionOptions DEFAULTS = builder().build();

  private final Isolation isolation;
  private final boolean readOnly;
  private final Duration timeout;

  private TransactionOptions(Builder builder) {
    this.isolation = builder.isolation;
    this.readOnly = builder.readOnly;
    this.timeout = builder.timeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Shorthand for read-only work with default isolation. */
  public static TransactionOptions readOnly() {
    return builder().readOnly(true).build();
  }

  public Isolation isolation() {
    return isolation;
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  /** The timeout, or empty for none. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionOptions
        && ((TransactionOptions) o).isolation == isolation
        && ((TransactionOptions) o).readOnly == readOnly
        && Objects.equals(((TransactionOptions) o).timeout, timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(isolation, readOnly, timeout);
  }

  @Override
  public String toString() {
    return "TransactionOptions{isolation="
        + isolation
        + ", readOnly="
        + readOnly
        + ", timeout="
        + (timeout == null ? "none" : timeout)
        + "}";
  }

  /** Builder for {@link TransactionOptions}. */
  public static final class Builder {
    private Isolation isolation = Isolation.DEFAULT;
    private boolean readOnly;
    private Duration timeout;

    private Builder() {}

    public Builder isolation(Isolation isolation) {
      this.isolation = Objects.requireNonNull(isolation, "isolation");
      return this;
    }

    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** A positive timeout, or null for none. */
    public Builder timeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public TransactionOptions build() {
      return new TransactionOptions(this);
    }
  }
}
