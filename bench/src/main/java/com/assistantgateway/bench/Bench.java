package com.assistantgateway.bench;

import java.util.Arrays;

/**
 * {@code java -jar bench/target/bench.jar <webhook|email|fairness|webchat|artemis|embedding|retrieval|corpus> [--option value ...]}; {@code bench/run.sh} runs
 * all of them in one go and prints the table for BENCHMARKS.md.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(
                    "usage: bench <webhook|email|fairness|webchat|artemis|embedding|retrieval|corpus> [--option value ...]");
            System.exit(2);
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        if (args[0].equals("fairness")) {
            new FairnessLoad(options).run().forEach(row -> System.out.println(row.row()));
            System.exit(0);
        }
        if (args[0].equals("webchat")) {
            new WebchatFirstToken(options).run().forEach(row -> System.out.println(row.row()));
            System.exit(0);
        }
        if (args[0].equals("corpus")) {
            System.out.println(new CorpusBuilder(options).run());
            System.exit(0);
        }
        if (args[0].equals("retrieval")) {
            System.out.println(new RetrievalBenchmark(options).run());
            System.exit(0);
        }
        Result result =
                switch (args[0]) {
                    case "webhook" -> new WebhookLoad(options).run();
                    case "email" -> new EmailLoad(options).run();
                    case "artemis" -> new ArtemisFloor(options).run();
                    case "embedding" -> new EmbeddingFloor(options).run();
                    default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
                };
        System.out.println(result.row());
        System.exit(0);
    }
}
