package io.coupons.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupons.api.common.AuditMetadata;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.api.redemption.RedeemCodeCommand;
import io.coupons.api.redemption.RedemptionDecision;
import io.coupons.command.CommandSideApplication;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side with the redemption workloads driven inside its own JVM, straight through the
 * Axon {@link CommandGateway} (no HTTP, no JSON, no security filter): the same handler, transaction
 * and event store as a POST /api/redemptions, so the difference to the HTTP rows is the HTTP cost.
 *
 * <p>Run by the bench as a child JVM ({@code java -Xmx… -jar coupons-bench.jar in-process-command-side
 * <Spring arguments>}). It serves HTTP as the command side normally does (the bench sets up campaigns
 * and codes through it, as for the HTTP rows), then reads one task per line on standard input, runs
 * it ({@link RedemptionWorkloads#run}) and writes the results as JSON to the file the task names. End of
 * input ends it.
 */
final class InProcessCommandSide {

    static final String MODE = "in-process-command-side";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InProcessCommandSide() {
    }

    static void main(String[] springArguments) throws Exception {
        ConfigurableApplicationContext context = CommandSideApplication.start(springArguments);
        CommandGateway gateway = context.getBean(CommandGateway.class);
        String caller = System.getProperty("bench.checkout-user", "bench-checkout");
        RedemptionWorkloads.Redeemer redeemer = (client, code, orderId) -> {
            OrderContext order = new OrderContext(orderId, "bench-account-" + client, null, new BigDecimal("100.00"),
                    List.of(new OrderLine("V1", 1, new BigDecimal("100.00"))), null, null, "USD");
            RedemptionDecision decision = gateway.sendAndWait(GenericCommandMessage
                    .asCommandMessage(new RedeemCodeCommand(code, order))
                    .andMetaData(Map.of(AuditMetadata.USER, caller)), 10, TimeUnit.SECONDS);
            return decision.accepted() ? (decision.repeated() ? "repeated" : "accepted") : decision.reason().name();
        };
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode task = JSON.readTree(line);
                CpuMeter meter = new CpuMeter(Map.of("command side + clients", ProcessHandle.current().pid(),
                        "query side", task.get("queryPid").asLong()));
                RedemptionWorkloads.Results result = RedemptionWorkloads.run(redeemer,
                        new RedemptionWorkloads.Pool(Files.readAllLines(Path.of(task.get("codes").asText()))),
                        task.get("hot").asText(),
                        task.get("exact").asText(), task.get("exactAttempts").asInt(),
                        Duration.ofSeconds(task.get("warmup").asLong()), Duration.ofSeconds(task.get("seconds").asLong()),
                        task.get("runs").asInt(), task.get("run").asText(), meter);
                Path out = Path.of(task.get("out").asText());
                Path partial = out.resolveSibling(out.getFileName() + ".partial");
                JSON.writeValue(partial.toFile(), result.asJson());
                Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            context.close();
        }
    }
}
