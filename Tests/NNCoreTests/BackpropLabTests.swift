import NNCore
import TestSupport
import Testing

/// Every value the course's backprop lab (seed 000) prints, reproduced.
@Suite("Backprop lab (seed 000)")
struct BackpropLabTests {
    let network = BackpropLab.network
    let published = 5e-9  // printed to 8 decimals: half a unit in the last place

    @Test func forwardValues() {
        let trace = network.trace(BackpropLab.x)
        expectClose(trace[0].preactivation!.elements, BackpropLab.Published.d1, tolerance: published, "D1_out")
        expectClose(trace[0].output.elements, BackpropLab.Published.a1, tolerance: 1e-15, "A1_out")
        expectClose(trace[1].output.elements, BackpropLab.Published.a2, tolerance: 1e-15, "A2_out")
        expectClose(trace[2].preactivation!.elements, BackpropLab.Published.d3, tolerance: published, "D3_out")
        expectClose(trace[2].output.elements, BackpropLab.Published.pEst, tolerance: published, "P_est")
    }

    @Test func lossIsPublishedBitForBit() {
        let p = network.predict(BackpropLab.x)
        #expect(Loss.mse(p, BackpropLab.y) == BackpropLab.Published.mse)
    }

    @Test func lossGradientAndJacobians() {
        let trace = network.trace(BackpropLab.x)
        let p = trace[2].output
        expectClose(Loss.mse.gradient(p, BackpropLab.y).elements, BackpropLab.Published.mseGradient, tolerance: published, "MSE_grad")
        expectClose(Activation.softmax.jacobian(at: trace[2].preactivation!), BackpropLab.Published.softmaxJacobian,
                    tolerance: published, "softmax_jac(D3)")
        expectClose(Activation.sigmoid.jacobian(at: trace[1].preactivation!), BackpropLab.Published.sigmoidJacobianD2,
                    tolerance: published, "sigmoid_jac(D2)")
        expectClose(Activation.sigmoid.jacobian(at: trace[0].preactivation!), BackpropLab.Published.sigmoidJacobianD1,
                    tolerance: published, "sigmoid_jac(D1)")
    }

    @Test func propagatedErrorsByJacobians() {
        // The lab's column-vector chain: error_D3 = J_softmax · ∇MSE, error_A2 = W3 · error_D3, …
        let trace = network.trace(BackpropLab.x)
        let gradient = Loss.mse.gradient(trace[2].output, BackpropLab.y)
        let errorD3 = Activation.softmax.jacobian(at: trace[2].preactivation!).multiplied(by: gradient.transposed)
        expectClose(errorD3.elements, BackpropLab.Published.errorD3, tolerance: published, "error_D3")
        let errorA2 = BackpropLab.w3.multiplied(by: errorD3)
        expectClose(errorA2.elements, BackpropLab.Published.errorA2, tolerance: published, "error_A2")
        let errorD2 = Activation.sigmoid.jacobian(at: trace[1].preactivation!).multiplied(by: errorA2)
        expectClose(errorD2.elements, BackpropLab.Published.errorD2, tolerance: published, "error_D2")
        let errorA1 = BackpropLab.w2.multiplied(by: errorD2)
        expectClose(errorA1.elements, BackpropLab.Published.errorA1, tolerance: published, "error_A1")
        let errorD1 = Activation.sigmoid.jacobian(at: trace[0].preactivation!).multiplied(by: errorA1)
        expectClose(errorD1.elements, BackpropLab.Published.errorD1, tolerance: published, "error_D1")
    }

    @Test func gradientsMatchTensorFlowAndTheLab() throws {
        let g = try network.gradients(BackpropLab.x, BackpropLab.y)
        #expect(g.loss == BackpropLab.Published.mse)
        // TensorFlow computed in float32: agreement to a few float32 ulps of these magnitudes.
        let tf = 2e-8
        expectClose(g.layers[0].weights, BackpropLab.TensorFlow.d1Weights, tolerance: tf, "dW1 vs TF")
        expectClose(g.layers[0].bias, BackpropLab.TensorFlow.d1Bias, tolerance: tf, "db1 vs TF")
        expectClose(g.layers[1].weights, BackpropLab.TensorFlow.d2Weights, tolerance: tf, "dW2 vs TF")
        expectClose(g.layers[1].bias, BackpropLab.TensorFlow.d2Bias, tolerance: tf, "db2 vs TF")
        expectClose(g.layers[2].weights, BackpropLab.TensorFlow.d3Weights, tolerance: tf, "dW3 vs TF")
        expectClose(g.layers[2].bias, BackpropLab.TensorFlow.d3Bias, tolerance: tf, "db3 vs TF")
        // The lab's own float64 gradients of D3 and the propagated errors (= bias gradients).
        expectClose(g.layers[2].weights, BackpropLab.Published.gradientD3Weights, tolerance: published, "g_3_ws")
        expectClose(g.layers[2].bias, BackpropLab.Published.gradientD3Bias, tolerance: published, "g_3_b")
        expectClose(g.layers[1].bias, BackpropLab.Published.errorD2, tolerance: published, "g_2_b")
        expectClose(g.layers[0].bias, BackpropLab.Published.errorD1, tolerance: published, "g_1_b")
    }

    @Test func sgdLossSequence() throws {
        var network = self.network
        var optimizer = SGD(learningRate: 0.1)
        var losses: [Double] = []
        var parameters = network.parameterVector
        for _ in BackpropLab.Published.sgdLosses.indices {
            let g = try network.gradients(BackpropLab.x, BackpropLab.y)
            losses.append(g.loss)
            optimizer.update(&parameters, gradients: g.flattened)
            network.parameterVector = parameters
        }
        #expect(losses[0] == BackpropLab.Published.mse)
        expectClose(losses, BackpropLab.Published.sgdLosses, tolerance: 1e-15, "SGD losses at lr 0.1")
    }

    @Test func sgdLossSequenceThroughFit() throws {
        var network = self.network
        var optimizer = SGD(learningRate: 0.1)
        let history = try network.fit(Dataset(x: BackpropLab.x, y: BackpropLab.y), optimizer: &optimizer,
                                      options: TrainingOptions(epochs: 50, batchSize: 1, shuffle: false))
        expectClose(history["loss"] ?? [], BackpropLab.Published.sgdLosses, tolerance: 1e-15, "fit history")
    }
}
