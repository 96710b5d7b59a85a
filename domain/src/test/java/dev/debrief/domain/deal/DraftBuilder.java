package dev.debrief.domain.deal;

import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.util.ArrayList;
import java.util.List;

/** A valid loss-analysis draft to start from; each test changes the one part it is about. */
public final class DraftBuilder {

    private ReasonInput primary;
    private final List<ReasonInput> contributing = new ArrayList<>();
    private VocabularyEntryId stageLostAtId;
    private Fit fit = Fit.GOOD_FIT;
    private String competitor;
    private String whatHappened = "They went quiet after the demo";
    private String whatWeWouldDoDifferently = "Book the next step before leaving the room";

    private DraftBuilder(ReasonInput primary, VocabularyEntryId stageLostAtId) {
        this.primary = primary;
        this.stageLostAtId = stageLostAtId;
    }

    public static DraftBuilder draft(LossReason primary, VocabularyEntry stage) {
        return new DraftBuilder(input(primary), stage.id());
    }

    static ReasonInput input(LossReason reason) {
        return new ReasonInput(reason.id(), null, null);
    }

    static ReasonInput input(LossReason reason, Boolean controllable) {
        return new ReasonInput(reason.id(), controllable, null);
    }

    DraftBuilder primary(ReasonInput input) {
        this.primary = input;
        return this;
    }

    DraftBuilder contributing(ReasonInput... inputs) {
        contributing.addAll(List.of(inputs));
        return this;
    }

    DraftBuilder contributing(List<ReasonInput> inputs) {
        contributing.addAll(inputs);
        return this;
    }

    DraftBuilder stageLostAt(VocabularyEntryId id) {
        this.stageLostAtId = id;
        return this;
    }

    public DraftBuilder fit(Fit fit) {
        this.fit = fit;
        return this;
    }

    DraftBuilder competitor(String competitor) {
        this.competitor = competitor;
        return this;
    }

    public DraftBuilder whatHappened(String text) {
        this.whatHappened = text;
        return this;
    }

    DraftBuilder whatWeWouldDoDifferently(String text) {
        this.whatWeWouldDoDifferently = text;
        return this;
    }

    public LossAnalysisDraft build() {
        return new LossAnalysisDraft(primary, new ArrayList<>(contributing), stageLostAtId, fit, competitor,
                whatHappened, whatWeWouldDoDifferently);
    }
}
