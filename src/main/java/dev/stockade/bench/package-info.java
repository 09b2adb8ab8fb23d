/**
 * The {@code bench} verb: generates a realistic, seeded cluster as YAML, loads it through the
 * real loader, analyses it and samples explanations, and reports the measured figures.
 */
package dev.stockade.bench;
