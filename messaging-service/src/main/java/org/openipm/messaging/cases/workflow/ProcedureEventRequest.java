package org.openipm.messaging.cases.workflow;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openipm.messaging.cases.rules.ClockStart;

/**
 * A step of the procedure outside OpenIPM that the authority records (see {@code CaseWorkflow.procedureSteps()}).
 *
 * @param event IMPORTER_NOTIFIED, OBJECTION_NOTIFIED or IMPORTER_RESPONDED
 * @param note  what the officer adds (e.g. how and when the declarant objected); on the timeline
 */
public record ProcedureEventRequest(
        @NotNull(message = "event is IMPORTER_NOTIFIED, OBJECTION_NOTIFIED or IMPORTER_RESPONDED") ClockStart event,
        @Size(max = 2000, message = "a note has at most 2000 characters") String note) {
}
