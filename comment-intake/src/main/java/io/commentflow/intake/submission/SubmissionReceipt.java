package io.commentflow.intake.submission;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 202 body: the new comment's id and where to follow what becomes of it. */
record SubmissionReceipt(String id, String status, @JsonProperty("status_url") String statusUrl) {
}
