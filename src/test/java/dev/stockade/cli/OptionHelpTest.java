package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every help line in {@link OptionHelp} reaches its command's option; the others keep the option's own. */
class OptionHelpTest {
    private final OptionHelp help = new OptionHelp();

    @Test
    void everyKey_namesAnExistingCommandAndOption_whoseHelpShowsIt() {
        List<String> keys = Collections.list(help.getKeys());
        assertThat(keys).hasSize(9);
        for (String key : keys) {
            String suffix = key.endsWith("." + OutputOption.KEY) ? OutputOption.KEY : QueryCommand.NAMESPACE_KEY;
            assertThat(key).as(key).endsWith("." + suffix);
            String[] path = key.substring(0, key.length() - suffix.length() - 1).split("\\.");
            assertThat(path[0]).isEqualTo("stockade");
            CommandLine cl = Main.commandLine();
            for (int i = 1; i < path.length; i++) {
                cl = cl.getSubcommands().get(path[i]);
                assertThat(cl).as(key).isNotNull();
            }
            OptionSpec option = cl.getCommandSpec().options().stream()
                    .filter(o -> suffix.equals(o.descriptionKey())).findFirst().orElseThrow();
            assertThat(option.description()).as(key).containsExactly(help.getString(key));
        }
    }

    @Test
    void commandsWithoutAKey_keepTheOptionsOwnHelp() {
        CommandLine root = Main.commandLine();
        assertThat(root.getSubcommands().get("bench").getCommandSpec().findOption("-o").description())
                .containsExactly("text or json.");
        CommandLine unprotected = root.getSubcommands().get("query").getSubcommands().get("unprotected");
        assertThat(unprotected.getCommandSpec().findOption("-n").description())
                .containsExactly("Only workloads in this namespace.");
    }
}
