import NNStatistics
import NNCore

extension Recorder {
    /// What is kept of one sampled epoch.
    struct Sample {
        /// The whole parameter vector (empty unless trajectories are kept).
        var parameters: [Double]
        /// Per dense layer (in `layout` order).
        var weightNorms: [Double]
        var biasNorms: [Double]
        var weightQuantiles: [[Double]]
        var gradientNorms: [Double]
        var smallWeightShares: [Double]
    }

    /// The current epoch's sample from the state's parameters and this epoch's gradient-norm sums.
    func makeSample(state: TrainingState) -> Sample {
        let parameters = state.parameters
        var sample = Sample(parameters: keepsTrajectories ? Array(parameters) : [], weightNorms: [], biasNorms: [],
                            weightQuantiles: [], gradientNorms: [], smallWeightShares: [])
        for (slot, entry) in layout.enumerated() {
            var squares = 0.0
            var small = 0
            sortScratch.removeAll(keepingCapacity: true)
            for i in entry.weights {
                squares += parameters[i] * parameters[i]
                if abs(parameters[i]) < LayerSamples.smallWeight { small += 1 }
                sortScratch.append(parameters[i])
            }
            sample.weightNorms.append(squares.squareRoot())
            sample.smallWeightShares.append(entry.weights.isEmpty ? .nan : Double(small) / Double(entry.weights.count))
            var biasSquares = 0.0
            for i in entry.bias { biasSquares += parameters[i] * parameters[i] }
            sample.biasNorms.append(biasSquares.squareRoot())
            // NaN sorts last (a strict weak order even for diverged weights).
            sortScratch.sort { a, b in a.isNaN ? false : (b.isNaN || a < b) }
            sample.weightQuantiles.append(options.quantileLevels.map { Recorder.quantile(sorted: sortScratch, level: $0) })
            sample.gradientNorms.append(completedBatches > 0 ? gradientNormSums[slot] / Double(completedBatches) : .nan)
        }
        return sample
    }

    /// The quantile at `level` of ascending `sorted` values (NaNs last, and ignored): NNStatistics's
    /// method 7 (NumPy's default); NaN when every value is NaN.
    static func quantile(sorted: [Double], level: Double) -> Double {
        let numbers = sorted.prefix { !$0.isNaN }
        return numbers.isEmpty ? .nan : NNStatistics.quantile(numbers, level)
    }

    /// The sampled epochs turned into per-parameter and per-layer series.
    func parameterSamples() -> ParameterSamples {
        let entries = sampler.entries
        let trajectories = addresses.map { address in
            ParameterTrajectory(parameter: address, values: entries.map { $0.sample.parameters[address.index] })
        }
        let layers = layout.enumerated().map { slot, entry in
            LayerSamples(layer: entry.layer,
                         weightNorm: entries.map { $0.sample.weightNorms[slot] },
                         biasNorm: entries.map { $0.sample.biasNorms[slot] },
                         weightQuantiles: options.quantileLevels.indices.map { k in entries.map { $0.sample.weightQuantiles[slot][k] } },
                         gradientNorm: entries.map { $0.sample.gradientNorms[slot] },
                         smallWeightShare: entries.map { $0.sample.smallWeightShares[slot] })
        }
        return ParameterSamples(epochs: entries.map(\.epoch), stride: sampler.stride, trajectories: trajectories,
                                layers: layers, quantileLevels: options.quantileLevels)
    }
}
