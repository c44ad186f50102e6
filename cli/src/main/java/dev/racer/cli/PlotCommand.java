package dev.racer.cli;

import dev.racer.trainer.TrainingPlot;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racer plot models/NAME}: training curves to PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a model's training curves (reward, progress, lap completion, evaluation lap times and speed) to a PNG.")
public final class PlotCommand implements Runnable {

    @Parameters(index = "0", description = "model folder written by racer train")
    Path model;

    @Option(names = "--out", description = "PNG to write (default: MODEL/training_curves.png)")
    Path out;

    @Override
    public void run() {
        Path png = out != null ? out : model.resolve("training_curves.png");
        try {
            TrainingPlot.write(model, png);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        System.out.println("wrote " + png);
    }
}
