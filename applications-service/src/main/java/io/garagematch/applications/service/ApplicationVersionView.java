package io.garagematch.applications.service;

import io.garagematch.applications.domain.Change;
import java.time.Instant;

/** One entry of an application's history: what changed, when, and the application as it was. */
public record ApplicationVersionView(
    int version, Change change, Instant changedAt, ApplicationView application) {}
