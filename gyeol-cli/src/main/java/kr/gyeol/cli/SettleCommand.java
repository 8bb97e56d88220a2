package kr.gyeol.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gyeol settle}: the partner's unknown payments and refunds, settled now. */
@Command(name = "settle", mixinStandardHelpOptions = true,
        description = "Settle this test partner's payments and refunds whose outcome is unknown, now.")
final class SettleCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @ParentCommand
    GyeolCli root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Connection connection = this.root.connection(this.options);
        GyeolCli.Output output = this.root.output(this.options, this.spec);
        connection.client().testMode().settleNow();
        output.line("Settled the unknown payments and refunds of " + connection.partner() + ".");
        output.put("settled", true);
        output.end();
        return Exit.OK;
    }

}
