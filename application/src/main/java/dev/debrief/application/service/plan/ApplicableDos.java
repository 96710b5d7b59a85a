package dev.debrief.application.service.plan;

import dev.debrief.application.port.out.plan.PlanReader.AdoptedLesson;
import dev.debrief.application.port.out.plan.PlanReader.DealFacts;
import dev.debrief.domain.lesson.Applicability;

import java.util.List;

/** The adopted lessons that apply to a deal under {@link Applicability}, in the reader's order, capped. */
final class ApplicableDos {

    private ApplicableDos() {
    }

    static List<AdoptedLesson> forDeal(List<AdoptedLesson> adoptedMostEndorsedFirst, DealFacts deal, int cap) {
        return adoptedMostEndorsedFirst.stream()
                .filter(lesson -> Applicability.appliesTo(lesson.scope(), deal.segmentId(), deal.stageId(), deal.personaId()))
                .limit(cap)
                .toList();
    }
}
