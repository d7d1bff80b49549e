package io.garagematch.applications.rest;

import io.garagematch.applications.service.ApplicationView;
import java.util.List;

/** One page of a partner's applications; {@code nextCursor} is null on the last page. */
public record ApplicationPage(List<ApplicationView> items, String nextCursor) {}
