package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.afterresponse.AfterResponseJob;
import io.customerauth.keycloak.afterresponse.AfterResponseJobs;

import java.util.ArrayList;
import java.util.List;

/**
 * The jobs a request leaves for after its answer, kept instead of run; with {@link #full} every job is dropped as the
 * server's queue drops one that does not fit (its {@link AfterResponseJob#dropped()} is told).
 */
final class RecordingJobs implements AfterResponseJobs {

    final List<AfterResponseJob> queued = new ArrayList<>();
    final List<AfterResponseJob> dropped = new ArrayList<>();
    boolean full;

    @Override
    public void enlist(AfterResponseJob job) {
        if (full) {
            dropped.add(job);
            job.dropped();
        } else {
            queued.add(job);
        }
    }

    @Override
    public void close() {
    }
}
