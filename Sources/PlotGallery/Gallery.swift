import Foundation
import PlotCairo
import Plot

/// One of each figure kind with synthetic data, so a person can look at every kind at once.
public enum Gallery {
    /// The gallery's figures, by file stem.
    public static func figures() -> [(name: String, figure: Figure)] {
        [
            ("lines", SyntheticFigures.trainingCurves()),
            ("line-styles", SyntheticFigures.lineStyles()),
            ("small-multiples", SyntheticFigures.smallMultiples()),
            ("scatter", SyntheticFigures.scatter()),
            ("decision-boundary", SyntheticFigures.decisionBoundary()),
            ("score-map", SyntheticFigures.scoreMap()),
            ("digits", SyntheticFigures.digits()),
            ("weights", SyntheticFigures.weights()),
            ("color-images", SyntheticFigures.colorImages()),
            ("bars", SyntheticFigures.bars()),
            ("confusion-matrix", SyntheticFigures.confusionMatrix()),
            ("confusion-matrix-names", SyntheticFigures.namedConfusionMatrix()),
            ("statistic-table", SyntheticFigures.statisticTable()),
            ("network", SyntheticFigures.network()),
        ]
    }

    /// Writes `<name>.png` and `<name>.svg` for every gallery figure into `directory` (created if
    /// missing) and returns the paths written.
    public static func render(into directory: String) throws(PlotError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PlotError.cannotWrite(path: directory, reason: "cannot create directory (\(error))")
        }
        var paths: [String] = []
        for (name, figure) in figures() {
            for ext in ["png", "svg"] {
                let path = (directory as NSString).appendingPathComponent("\(name).\(ext)")
                try figure.write(to: path)
                paths.append(path)
            }
        }
        return paths
    }
}
