package org.dyad.nlp.events;

import org.dyad.contracts.CodedEvent;
import org.dyad.contracts.EventActor;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Seed;
import java.util.List;
import java.util.stream.Collectors;

/** Prints the events coded on the seeds (a harness for reading, not a test). Args: seed file names, or none for all. */
public final class EventDump {

    private EventDump() {
    }

    public static void main(String[] args) {
        EventCoder coder = new EventCoder();
        if (args.length > 1 && args[0].equals("-p")) {
            // -p <seed> <text>: prints the dependency parse of the sentences holding the text
            Seed seed = Seed.read(args[1]);
            ParsedText parsed = SharedModels.pipeline().parse(seed.text(), seed.publishedAt());
            DependencyParser dp = CoreNlpDependencyParser.overExistingTags();
            for (var s : parsed.sentences()) {
                String text = seed.text().substring(s.start(), s.end());
                if (!text.contains(args[2])) {
                    continue;
                }
                var toks = parsed.tokensOf(s.index());
                if (toks.stream().noneMatch(t -> t.pos().startsWith("VB"))) {
                    toks = toks.stream().map(t -> t.word().equals(args.length > 3 ? args[3] : "") ? new org.dyad.nlp.pipeline.Token(t.index(), t.sentence(), t.word(), t.start(), t.end(), "VBP", t.lemma(), t.ner(), t.normalized()) : t).toList();
                }
                DependencyParse d = dp.parse(toks);
                System.out.println("== S" + s.index() + " " + text);
                for (int i = 0; i < toks.size(); i++) {
                    var t = toks.get(i);
                    System.out.printf("  %2d %-14s %-5s %-12s %-12s %-10s <-%s %s%n", i, t.word(), t.pos(), t.lemma(),
                            t.ner(), t.normalized(), d.head(i), d.relation(i));
                }
            }
            return;
        }
        if (args.length > 1 && args[0].equals("-t")) {
            // -t <text>...: codes each text
            for (int i = 1; i < args.length; i++) {
                ParsedText parsed = SharedModels.pipeline().parse(args[i], java.time.LocalDate.of(2024, 3, 6));
                System.out.println("== " + args[i]);
                parsed.tokens().forEach(t -> System.out.print(t.word() + "/" + t.pos() + "/" + t.ner() + " "));
                System.out.println();
                for (CodedEvent e : coder.code(parsed)) {
                    System.out.println(format(e, parsed.text()));
                }
            }
            return;
        }
        String[] names = args.length == 0 ? Seed.ALL : args;
        for (String name : names) {
            Seed seed = Seed.read(name);
            ParsedText parsed = SharedModels.pipeline().parse(seed.text(), seed.publishedAt());
            System.out.println("== " + name);
            for (CodedEvent e : coder.code(parsed)) {
                System.out.println(format(e, parsed.text()));
            }
        }
    }

    static String format(CodedEvent e, String text) {
        return String.format("  s%-3d %-5s %-45s %-12s [%s] -> [%s] %s %s %.2f \"%s\"", e.sentence(), e.cameoCode(),
                e.cameoName(), e.ploverType(), actors(e.sources()), actors(e.targets()), e.mode(), e.date(),
                e.confidence(), e.trigger());
    }

    static String actors(List<EventActor> actors) {
        return actors.stream().map(a -> a.name() + "/" + a.country() + (a.role() == null ? "" : "/" + a.role()))
                .collect(Collectors.joining(", "));
    }
}
