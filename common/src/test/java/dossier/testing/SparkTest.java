package dossier.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs Spark: its test methods and constructors may take a
 * {@link org.apache.spark.sql.SparkSession} parameter, which is the one session shared by every
 * test class in the JVM (local[2], Delta, UI off, two shuffle partitions).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedSparkSession.class)
public @interface SparkTest {}
