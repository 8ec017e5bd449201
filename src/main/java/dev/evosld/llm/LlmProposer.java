package dev.evosld.llm;

import dev.evosld.data.Group;
import dev.evosld.data.NumberText;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.json.Json;
import dev.evosld.law.Law;
import dev.evosld.search.ProposalContext;
import dev.evosld.search.Proposer;
import dev.evosld.search.ProposerState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.core.type.TypeReference;

/**
 * Proposes laws by asking an LLM: one seed request at the start of a run, then one rewrite request of the
 * best law per proposer round. Each answer is parsed ({@link ProposalParser}) and screened
 * ({@link LawValidator}: syntax, misspelt variables, budget, variables that cancel out); the reasons for rejected laws
 * are shown to the model in the next request, so it can correct itself.
 *
 * <p>The model sees the task (variables with their meaning and their range on the train rows, targets, the
 * budget, the scale axes), the best laws so far with their validation error and, for a rewrite, the law's
 * mean residuals along the scale axes. It never sees test rows.
 *
 * <p>Faults never stop a discovery run. When the endpoint refuses the credentials the proposer reports it
 * in one line and proposes nothing for the rest of the run; any other {@link LlmException} costs that round
 * only, and is reported in one line the first time it happens for that reason. After
 * {@value #FAILED_ROUNDS_TO_GIVE_UP} failed rounds running the proposer says, once, that it stops asking.
 *
 * <p>Requests are deterministic: the same run seed, round, task, train rows and search state give the same
 * request text (numbers printed to four significant digits, laws in a fixed order), so behind the
 * {@link CachingChatClient} a repeated run replays its answers without calling the endpoint. The proposer's
 * state is the previous answer's rejections, whether it gave up, and what the LLM has cost the run. The rejections
 * and the counts are part of a checkpoint ({@link #state()}): a resumed run sends the requests the uninterrupted run
 * sent, which the cache replays, and counts on from the counts so far. One that gave up asks again.
 */
public final class LlmProposer implements Proposer, AutoCloseable {
    /** Laws asked for per request unless configured otherwise. */
    public static final int DEFAULT_PROPOSALS = 5;
    /** How many of the best laws the model is shown. */
    static final int BEST_SHOWN = 5;
    /** How many rejection lines the next request repeats. */
    static final int FEEDBACK_LINES = 10;

    private final ChatClient client;
    private final LlmSettings settings;
    private final LlmUsage usage;
    private final PromptBuilder prompts;
    private final int proposals;
    private final List<String> otherColumns;
    private final long seed;
    private final Consumer<String> messages;

    private List<String> feedback = List.of();
    /** What the LLM cost the parts of the run before this one, as far as the checkpoint resumed from records it. */
    private LlmUsage.Snapshot earlier = LlmUsage.Snapshot.NONE;
    /** The unusable answers of the parts of the run before this one, by reason. */
    private Map<String, Long> earlierUnusable = Map.of();
    private String disabledBy;
    private int failedRounds;
    /** The unusable answers' reasons told so far: a model that answers the same wrong way every round is told of once. */
    private final Set<String> unusableReported = new HashSet<>();
    /** The endpoint's failures told so far: one down or overloaded the same way every round is told of once. */
    private final Set<String> failuresReported = new HashSet<>();

    /** Rounds in a row the endpoint may fail before the proposer stops asking it. */
    static final int FAILED_ROUNDS_TO_GIVE_UP = 3;
    /**
     * Marks a checkpoint's count of unusable answers for one reason among the counts, which are a map of numbers: a
     * checkpoint of an older version has none, and reads as a run without unusable answers.
     */
    private static final String UNUSABLE = "unusable answer: ";

    private LlmProposer(Builder builder) {
        this.settings = builder.settings;
        this.usage = builder.usage;
        this.client = builder.client != null ? builder.client : ChatClient.create(settings, usage, builder.environment,
            builder.messages);
        this.prompts = builder.prompts;
        this.proposals = builder.proposals;
        this.otherColumns = builder.otherColumns;
        this.seed = builder.seed;
        this.messages = builder.messages;
    }

    /** A builder for a proposer that talks to the endpoint of {@code settings} with its model and sampling. */
    public static Builder builder(LlmSettings settings) {
        return new Builder(settings);
    }

    @Override
    public synchronized List<Law> seeds(ProposalContext context) {
        if (disabledBy != null) {
            return List.of();
        }
        List<ScoredLaw> best = best(context.front());
        List<ChatMessage> conversation = prompts.seed(
            brief(context), best, feedback, proposals, request(context, "new laws"));
        return ask(conversation, context, best, "seeds");
    }

    @Override
    public synchronized List<Law> rewrites(ProposalContext context, List<dev.evosld.search.ScoredLaw> best) {
        if (disabledBy != null || best.isEmpty()) {
            return List.of();
        }
        dev.evosld.search.ScoredLaw target = best.getFirst();
        String residuals = ResidualTable.of(target.law(), context.train(), context.config().scaleAxis());
        List<ScoredLaw> shown = best(best);
        List<ChatMessage> conversation = prompts.rewrite(brief(context), scored(target), residuals, shown, feedback,
            proposals, request(context, "rewrite"));
        return ask(conversation, context, shown, "rewrites");
    }

    @Override
    public String name() {
        return "llm " + settings.model();
    }

    /**
     * What the LLM cost the whole run: this part's counts and those of the checkpoint it resumed from. Calls made
     * after that checkpoint by a part killed outright are not counted; replayed from the cache, they count as hits.
     */
    public synchronized LlmUsage.Snapshot runUsage() {
        return earlier.plus(usage.snapshot());
    }

    /**
     * The answers of the whole run that gave the search no law, by the reason told on stderr ({@code llm: unusable
     * answer: …}), reasons sorted; their sum is {@link #runUsage()}'s {@code unusableAnswers}.
     */
    public synchronized Map<String, Long> runUnusableReasons() {
        Map<String, Long> reasons = new TreeMap<>(earlierUnusable);
        usage.unusableReasons().forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
        return Collections.unmodifiableMap(reasons);
    }

    @Override
    public synchronized Optional<ProposerState> state() {
        Map<String, Long> counts = new HashMap<>(Json.mapper().convertValue(runUsage(),
            new TypeReference<Map<String, Long>>() {
            }));
        runUnusableReasons().forEach((reason, count) -> counts.put(UNUSABLE + reason, count));
        return Optional.of(new ProposerState(feedback, counts, request(settings, proposals)));
    }

    /**
     * How a proposer of {@code settings} asking {@code proposals} laws a request asks, by the option that sets each
     * part: the parts of a request that a model's answers depend on beside the model itself, which its name says.
     */
    public static Map<String, String> request(LlmSettings settings, int proposals) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("--llm-temperature", NumberText.of(settings.temperature()));
        request.put("--llm-max-tokens", Integer.toString(settings.maxTokens()));
        request.put("--llm-proposals", Integer.toString(proposals));
        return request;
    }

    @Override
    public synchronized void restore(ProposerState state) {
        feedback = state.feedback();
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> unusable = new TreeMap<>();
        state.counts().forEach((name, count) -> {
            if (name.startsWith(UNUSABLE)) {
                unusable.put(name.substring(UNUSABLE.length()), count);
            } else {
                counts.put(name, count);
            }
        });
        earlier = Json.mapper().convertValue(counts, LlmUsage.Snapshot.class);
        earlierUnusable = Collections.unmodifiableMap(unusable);
    }

    /** Why the proposer stopped asking the endpoint (the refusal's message), if it did. */
    public synchronized Optional<String> disabledBy() {
        return Optional.ofNullable(disabledBy);
    }

    /** Closes the chat client, which this proposer owns. */
    @Override
    public void close() {
        client.close();
    }

    /** A message to be joined by a semicolon: a server's reason often ends in a full stop ("…for your resource."). */
    private static String clause(String message) {
        return message.endsWith(".") && !message.endsWith("..") ? message.substring(0, message.length() - 1) : message;
    }

    private List<Law> ask(List<ChatMessage> conversation, ProposalContext context, List<ScoredLaw> shown, String what) {
        ChatResponse response;
        try {
            response = client.complete(ChatRequest.of(settings, conversation), context.timeLeft());
        } catch (LlmStopException e) {
            disabledBy = e.getMessage();
            messages.accept(clause(e.getMessage()) + "; no more LLM proposals in this run; the search goes on offline");
            return List.of();
        } catch (LlmException e) {
            failedRounds++;
            boolean newReason = failuresReported.add(e.getMessage());
            if (failedRounds >= FAILED_ROUNDS_TO_GIVE_UP) {
                // an endpoint down for this long is not coming back within the run: stop spending its backoff
                disabledBy = e.getMessage();
                String givingUp = "the endpoint failed " + failedRounds
                    + " rounds running, so no more LLM proposals in this run; the search goes on offline";
                messages.accept(newReason ? clause(e.getMessage()) + "; " + givingUp : "llm: " + givingUp);
            } else if (newReason) {
                messages.accept(e.getMessage() + " (no LLM " + what + " this round)");
            }
            return List.of();
        }
        failedRounds = 0;
        TaskConfig config = context.config();
        Set<String> known = new HashSet<>();
        for (ScoredLaw law : shown) {
            known.add(LawValidator.key(Law.parse(law.law(), config.featureNames())));
        }
        LawValidator validator = new LawValidator(
            config.featureNames(), config.targets(), otherColumns, context.parametersPerTarget(), known);
        ProposalParser.Screening screening = ProposalParser.parse(response.content()).screen(validator::check);
        usage.recordProposals(screening);
        List<String> lines = screening.feedback();
        feedback = List.copyOf(lines.subList(0, Math.min(FEEDBACK_LINES, lines.size())));
        // an answer whose every law was refused is told with its first law's reason, which the model hears with the rest:
        // the user can tell a model that misspells a variable every time from one that repeats the laws it was shown
        screening.unusable().filter(unusableReported::add)
            .ifPresent(reason -> messages.accept("llm: unusable answer: " + reason
                + (screening.malformed().isEmpty() && !screening.rejected().isEmpty()
                    ? " (the first: " + screening.rejected().getFirst().feedback() + ")" : "")));
        return screening.accepted().stream().map(p -> Law.parse(p.law(), config.featureNames())).toList();
    }

    /** Names the request in the run, so that equal search states in different rounds or runs differ. */
    private String request(ProposalContext context, String kind) {
        return "run seed " + seed + ", round " + context.round() + ", " + kind;
    }

    /** The task as the model sees it; the ranges come from the train rows only. */
    static TaskBrief brief(ProposalContext context) {
        TaskConfig config = context.config();
        Table table = context.train().table();
        List<VariableBrief> variables = new ArrayList<>();
        for (TaskConfig.Feature feature : config.features()) {
            int j = table.features().indexOf(feature.name());
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Group group : table.groups()) {
                for (int r = 0; r < group.rows(); r++) {
                    min = Math.min(min, group.feature(j, r));
                    max = Math.max(max, group.feature(j, r));
                }
            }
            variables.add(new VariableBrief(feature.name(), feature.description(), min, max));
        }
        return new TaskBrief(config.name(), config.description(), variables, config.targets(),
            context.parametersPerTarget(), config.scaleAxis(), config.fallsWith(), config.targetRange());
    }

    /** The best laws, lowest validation error first (ties in the given order), without failures. */
    private static List<ScoredLaw> best(List<dev.evosld.search.ScoredLaw> laws) {
        return laws.stream()
            .filter(s -> !s.evaluation().isFailure())
            .sorted(Comparator.comparingDouble(s -> s.evaluation().validationError()))
            .limit(BEST_SHOWN)
            .map(LlmProposer::scored)
            .toList();
    }

    private static ScoredLaw scored(dev.evosld.search.ScoredLaw law) {
        return new ScoredLaw(law.law().toString(), law.evaluation().validationError());
    }

    /** Configures an {@link LlmProposer}. */
    public static final class Builder {
        private final LlmSettings settings;
        private ChatClient client;
        private LlmUsage usage = new LlmUsage();
        private PromptBuilder prompts = PromptBuilder.standard();
        private int proposals = DEFAULT_PROPOSALS;
        private List<String> otherColumns = List.of();
        private long seed;
        private Map<String, String> environment = Map.of();
        private Consumer<String> messages = message -> {
        };

        private Builder(LlmSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /**
         * The client to send requests through; by default {@link ChatClient#create} for the settings (HTTP
         * with retries, behind the response cache when the settings name one). The proposer closes it.
         */
        public Builder client(ChatClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The process environment, whose proxy variables the default client follows ({@link
         * dev.evosld.http.EnvironmentProxies}); none by default.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Where proposals and acceptances are counted (and, for the default client, calls and tokens). */
        public Builder usage(LlmUsage usage) {
            this.usage = Objects.requireNonNull(usage, "usage");
            return this;
        }

        /** The prompts; {@link PromptBuilder#standard()} by default. */
        public Builder prompts(PromptBuilder prompts) {
            this.prompts = Objects.requireNonNull(prompts, "prompts");
            return this;
        }

        /** Laws asked for per request, at least 1; {@value LlmProposer#DEFAULT_PROPOSALS} by default. */
        public Builder proposals(int proposals) {
            if (proposals < 1) {
                throw new IllegalArgumentException("proposals must be at least 1, got " + proposals);
            }
            this.proposals = proposals;
            return this;
        }

        /**
         * The columns of the user's data that are neither variables nor targets nor the group: a law whose parameter
         * is named like one is refused, as {@code fit --law} refuses it. None by default, as for a built-in task.
         */
        public Builder otherColumns(List<String> otherColumns) {
            this.otherColumns = List.copyOf(otherColumns);
            return this;
        }

        /** The run's seed; it names the requests, so runs with different seeds get different answers. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Where one-line fault reports go, e.g. the search listener; dropped by default. */
        public Builder messages(Consumer<String> messages) {
            this.messages = Objects.requireNonNull(messages, "messages");
            return this;
        }

        public LlmProposer build() {
            return new LlmProposer(this);
        }
    }
}
