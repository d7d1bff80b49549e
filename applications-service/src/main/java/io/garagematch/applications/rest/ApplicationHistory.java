package io.garagematch.applications.rest;

import io.garagematch.applications.service.ApplicationVersionView;
import java.util.List;

/** Every version of an application, oldest first ({@code nextCursor}: always null, one page). */
public record ApplicationHistory(List<ApplicationVersionView> items, String nextCursor) {}
