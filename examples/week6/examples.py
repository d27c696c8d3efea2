"""The week-6 example class: each notebook the solution with small named edits.

Declarations only; ``examples/make_examples.py`` builds the notebooks. The notebook of the
week has its folder (``optimization/``) and its block below; ``EXAMPLES`` and ``WRITTEN``
gather the blocks. The expected scores are listed in ``README.md`` here and asserted by
``tests/autograder/test_week6_examples.py``.
"""

from make_examples import Edit, Example

# == week6/optimization ======================================================================

OPT = "week6/optimization"


def _opt(file: str, what: str, edits: tuple = (), cells: tuple = (), stub: bool = False) -> Example:
    return Example(f"optimization/{file}", what, edits, cells, notebook=OPT, stub=stub)


OPT_EXPLORATION = (
    ("", '# How fast does each learning-rate decay shrink the rate?\n'
         'for epoch in (0, 10, 999, 1000, 4999):\n'
         '    print(epoch, update_lr(0.1, epoch, 1), schedule_lr_decay(0.1, epoch, 1))'),
    ("", '# How many mini-batches of 64 does the moons set make?\n'
         'print([mini_batch_X.shape for mini_batch_X, _ in random_mini_batches(train_X, train_Y, 64, seed=1)])'),
)

#: Top-level cells that raise or take long in Jupyter; grading never runs them.
OPT_CRASHING = (
    ("", 'print("best optimizer:", best_optimizer)  # NameError: never defined'),
    ("", 'assert len(random_mini_batches(train_X, train_Y, 64)) == 4, "TODO: why five?"'),
    ("", 'parameters = model(train_X, train_Y, layers_dims, "adam"'),  # SyntaxError: a parenthesis short
    ("", '# Every learning rate from 0.0001 to 0.1 with Adam (hours in Jupyter)\n'
         'for k in range(1, 1000):\n'
         '    parameters = model(train_X, train_Y, layers_dims, "adam", learning_rate=k / 10000, num_epochs=50000,\n'
         '                       print_cost=False)'),
)

_MOMENTUM = "            v[key] = beta * v[key] + (1 - beta) * grads[key]\n"
_ADAM_CALL = ("                t = t + 1\n"
              "                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, "
              "learning_rate,\n                                                                     beta1, beta2, "
              "epsilon)\n")

OPT_EXAMPLES = (
    _opt("correct.ipynb", "the solution, filled in, plus exploration cells at top level", cells=OPT_EXPLORATION),
    _opt("stub.ipynb", "the untouched student copy", stub=True),
    _opt("crashing_cells.ipynb", "correct functions; top-level cells raise NameError and AssertionError, one is a "
         "SyntaxError, and one trains a thousand models", cells=OPT_CRASHING),
    _opt("adam_without_bias_correction.ipynb", "Adam steps with v and s, not their bias-corrected values", (
        Edit("uncorrected step", "            step = v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon)\n",
             "            step = v[key] / (np.sqrt(s[key]) + epsilon)\n"),)),
    _opt("adam_t_from_0.ipynb", "model increments Adam's t after the step, so the first step has t = 0", (
        Edit("t after the step", _ADAM_CALL, _ADAM_CALL.replace("                t = t + 1\n", "")
             + "                t = t + 1\n"),)),
    _opt("momentum_without_1_minus_beta.ipynb", "momentum adds the gradient without its factor (1 - beta)", (
        Edit("no (1 - beta)", _MOMENTUM, "            v[key] = beta * v[key] + grads[key]\n"),)),
    _opt("batches_shuffle_x_and_y_apart.ipynb", "random_mini_batches shuffles Y with a permutation of its own", (
        Edit("Y apart", "    shuffled_Y = Y[:, permutation].reshape((1, m))\n",
             "    shuffled_Y = Y[:, list(np.random.permutation(m))].reshape((1, m))\n"),)),
    _opt("batches_drop_the_last.ipynb", "random_mini_batches drops the last, smaller mini-batch", (
        Edit("no last batch", "    if m % mini_batch_size != 0:\n"
             "        rest = slice(num_complete_minibatches * mini_batch_size, m)\n"
             "        mini_batches.append((shuffled_X[:, rest], shuffled_Y[:, rest]))\n", ""),)),
    _opt("rmsprop_epsilon_under_the_root.ipynb", "RMSProp adds epsilon under the square root, sqrt(s + epsilon)", (
        Edit("epsilon inside", "learning_rate * grads[key] / (np.sqrt(s[key]) + epsilon)",
             "learning_rate * grads[key] / np.sqrt(s[key] + epsilon)"),)),
    _opt("decay_every_epoch.ipynb", "schedule_lr_decay decays by the epoch number, not once every time_interval", (
        Edit("epoch, not interval", "np.floor(epoch_num / time_interval)", "epoch_num"),)),
    _opt("in_place_updates.ipynb", "correct, written otherwise: in-place updates (-=, *=, +=) and W and b written out", (
        Edit("gd in place",
             '        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]\n'
             '        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]\n',
             '        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]\n'
             '        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]\n'),
        Edit("momentum in place",
             _MOMENTUM + "            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v[key]\n",
             "            v[key] *= beta\n            v[key] += (1 - beta) * grads[key]\n"
             "            parameters[p + str(l)] -= learning_rate * v[key]\n"))),
    _opt("another_permutation.ipynb", "correct, written otherwise: the shuffle drawn by np.random.default_rng(seed)", (
        Edit("default_rng", "    permutation = list(np.random.permutation(m))\n",
             "    permutation = np.random.default_rng(seed).permutation(m)\n"),)),
)

#: The classic notebook (v1b's layout, before 2021): its imports (scipy.io, sklearn,
#: opt_utils_v1a, testCases), the course's code between START / END CODE HERE, Adam returning
#: (parameters, v, s), no RMSProp, AdaGrad or learning-rate decay, the given model of 10000
#: epochs, test-case calls and trainings at top level.
OPT_CLASSIC_CELLS = (
    ("markdown", "# Optimization Methods\n\nUntil now, you've always used Gradient Descent to update the parameters "
                 "and minimize the cost."),
    ("code", "import numpy as np\nimport matplotlib.pyplot as plt\nimport scipy.io\nimport math\nimport sklearn\n"
             "import sklearn.datasets\n\nfrom opt_utils_v1a import load_params_and_grads, initialize_parameters, "
             "forward_propagation, backward_propagation\nfrom opt_utils_v1a import compute_cost, predict, predict_dec, "
             "plot_decision_boundary, load_dataset\nfrom testCases import *\n\n%matplotlib inline\n"
             "plt.rcParams['figure.figsize'] = (7.0, 4.0)"),
    ("code", "# GRADED FUNCTION: update_parameters_with_gd\n\n"
             "def update_parameters_with_gd(parameters, grads, learning_rate):\n"
             "    L = len(parameters) // 2 # number of layers in the neural networks\n\n"
             "    # Update rule for each parameter\n    for l in range(L):\n"
             "        ### START CODE HERE ### (approx. 2 lines)\n"
             "        parameters[\"W\" + str(l+1)] = parameters[\"W\" + str(l+1)] - learning_rate * grads['dW' + str(l+1)]\n"
             "        parameters[\"b\" + str(l+1)] = parameters[\"b\" + str(l+1)] - learning_rate * grads['db' + str(l+1)]\n"
             "        ### END CODE HERE ###\n        \n    return parameters"),
    ("code", "parameters, grads, learning_rate = update_parameters_with_gd_test_case()\n\n"
             "parameters = update_parameters_with_gd(parameters, grads, learning_rate)\n"
             "print(\"W1 =\\n\" + str(parameters[\"W1\"]))"),
    ("code", "# GRADED FUNCTION: random_mini_batches\n\n"
             "def random_mini_batches(X, Y, mini_batch_size = 64, seed = 0):\n"
             "    np.random.seed(seed)            # To make your \"random\" minibatches the same as ours\n"
             "    m = X.shape[1]                  # number of training examples\n    mini_batches = []\n        \n"
             "    # Step 1: Shuffle (X, Y)\n    permutation = list(np.random.permutation(m))\n"
             "    shuffled_X = X[:, permutation]\n    shuffled_Y = Y[:, permutation].reshape((1,m))\n\n"
             "    # Step 2: Partition (shuffled_X, shuffled_Y). Minus the end case.\n"
             "    num_complete_minibatches = math.floor(m/mini_batch_size)\n"
             "    for k in range(0, num_complete_minibatches):\n        ### START CODE HERE ### (approx. 2 lines)\n"
             "        mini_batch_X = shuffled_X[:, k * mini_batch_size : (k+1) * mini_batch_size]\n"
             "        mini_batch_Y = shuffled_Y[:, k * mini_batch_size : (k+1) * mini_batch_size]\n"
             "        ### END CODE HERE ###\n        mini_batch = (mini_batch_X, mini_batch_Y)\n"
             "        mini_batches.append(mini_batch)\n    \n"
             "    # Handling the end case (last mini-batch < mini_batch_size)\n"
             "    if m % mini_batch_size != 0:\n        ### START CODE HERE ### (approx. 2 lines)\n"
             "        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size : m]\n"
             "        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size : m]\n"
             "        ### END CODE HERE ###\n        mini_batch = (mini_batch_X, mini_batch_Y)\n"
             "        mini_batches.append(mini_batch)\n    \n    return mini_batches"),
    ("code", "X_assess, Y_assess, mini_batch_size = random_mini_batches_test_case()\n"
             "mini_batches = random_mini_batches(X_assess, Y_assess, mini_batch_size)\n"
             "print (\"shape of the 1st mini_batch_X: \" + str(mini_batches[0][0].shape))"),
    ("code", "# GRADED FUNCTION: initialize_velocity\n\ndef initialize_velocity(parameters):\n"
             "    L = len(parameters) // 2 # number of layers in the neural networks\n    v = {}\n    \n"
             "    # Initialize velocity\n    for l in range(L):\n        ### START CODE HERE ### (approx. 2 lines)\n"
             "        v[\"dW\" + str(l+1)] = np.zeros(parameters['W' + str(l+1)].shape)\n"
             "        v[\"db\" + str(l+1)] = np.zeros(parameters['b' + str(l+1)].shape)\n"
             "        ### END CODE HERE ###\n        \n    return v"),
    ("code", "# GRADED FUNCTION: update_parameters_with_momentum\n\n"
             "def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):\n"
             "    L = len(parameters) // 2 # number of layers in the neural networks\n    \n"
             "    # Momentum update for each parameter\n    for l in range(L):\n        \n"
             "        ### START CODE HERE ### (approx. 4 lines)\n        # compute velocities\n"
             "        v[\"dW\" + str(l+1)] = beta * v[\"dW\" + str(l+1)] + (1 - beta) * grads['dW' + str(l+1)]\n"
             "        v[\"db\" + str(l+1)] = beta * v[\"db\" + str(l+1)] + (1 - beta) * grads['db' + str(l+1)]\n"
             "        # update parameters\n"
             "        parameters[\"W\" + str(l+1)] = parameters[\"W\" + str(l+1)] - learning_rate * v[\"dW\" + str(l+1)]\n"
             "        parameters[\"b\" + str(l+1)] = parameters[\"b\" + str(l+1)] - learning_rate * v[\"db\" + str(l+1)]\n"
             "        ### END CODE HERE ###\n        \n    return parameters, v"),
    ("code", "parameters, grads, v = update_parameters_with_momentum_test_case()\n\n"
             "parameters, v = update_parameters_with_momentum(parameters, grads, v, beta = 0.9, learning_rate = 0.01)"),
    ("code", "# GRADED FUNCTION: initialize_adam\n\ndef initialize_adam(parameters) :\n"
             "    L = len(parameters) // 2 # number of layers in the neural networks\n    v = {}\n    s = {}\n    \n"
             "    # Initialize v, s. Input: \"parameters\". Outputs: \"v, s\".\n    for l in range(L):\n"
             "    ### START CODE HERE ### (approx. 4 lines)\n"
             "        v[\"dW\" + str(l+1)] = np.zeros(parameters[\"W\" + str(l+1)].shape)\n"
             "        v[\"db\" + str(l+1)] = np.zeros(parameters[\"b\" + str(l+1)].shape)\n"
             "        s[\"dW\" + str(l+1)] = np.zeros(parameters[\"W\" + str(l+1)].shape)\n"
             "        s[\"db\" + str(l+1)] = np.zeros(parameters[\"b\" + str(l+1)].shape)\n"
             "    ### END CODE HERE ###\n    \n    return v, s"),
    ("code", "# GRADED FUNCTION: update_parameters_with_adam\n\n"
             "def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate = 0.01,\n"
             "                                beta1 = 0.9, beta2 = 0.999,  epsilon = 1e-8):\n"
             "    L = len(parameters) // 2                 # number of layers in the neural networks\n"
             "    v_corrected = {}                         # Initializing first moment estimate, python dictionary\n"
             "    s_corrected = {}                         # Initializing second moment estimate, python dictionary\n"
             "    \n    # Perform Adam update on all parameters\n    for l in range(L):\n"
             "        ### START CODE HERE ### (approx. 2 lines)\n"
             "        v[\"dW\" + str(l+1)] = beta1 * v[\"dW\" + str(l+1)] + (1 - beta1) * grads['dW' + str(l+1)]\n"
             "        v[\"db\" + str(l+1)] = beta1 * v[\"db\" + str(l+1)] + (1 - beta1) * grads['db' + str(l+1)]\n"
             "        v_corrected[\"dW\" + str(l+1)] = v[\"dW\" + str(l+1)] / (1 - np.power(beta1, t))\n"
             "        v_corrected[\"db\" + str(l+1)] = v[\"db\" + str(l+1)] / (1 - np.power(beta1, t))\n"
             "        s[\"dW\" + str(l+1)] = beta2 * s[\"dW\" + str(l+1)] + (1 - beta2) * np.power(grads['dW' + str(l+1)], 2)\n"
             "        s[\"db\" + str(l+1)] = beta2 * s[\"db\" + str(l+1)] + (1 - beta2) * np.power(grads['db' + str(l+1)], 2)\n"
             "        s_corrected[\"dW\" + str(l+1)] = s[\"dW\" + str(l+1)] / (1 - np.power(beta2, t))\n"
             "        s_corrected[\"db\" + str(l+1)] = s[\"db\" + str(l+1)] / (1 - np.power(beta2, t))\n"
             "        parameters[\"W\" + str(l+1)] = parameters[\"W\" + str(l+1)] - learning_rate * "
             "v_corrected[\"dW\" + str(l+1)] / (np.sqrt(s_corrected[\"dW\" + str(l+1)]) + epsilon)\n"
             "        parameters[\"b\" + str(l+1)] = parameters[\"b\" + str(l+1)] - learning_rate * "
             "v_corrected[\"db\" + str(l+1)] / (np.sqrt(s_corrected[\"db\" + str(l+1)]) + epsilon)\n"
             "        ### END CODE HERE ###\n\n    return parameters, v, s"),
    ("code", "parameters, grads, v, s = update_parameters_with_adam_test_case()\n"
             "parameters, v, s  = update_parameters_with_adam(parameters, grads, v, s, t = 2)"),
    ("code", "train_X, train_Y = load_dataset()"),
    ("code", "def model(X, Y, layers_dims, optimizer, learning_rate = 0.0007, mini_batch_size = 64, beta = 0.9,\n"
             "          beta1 = 0.9, beta2 = 0.999,  epsilon = 1e-8, num_epochs = 10000, print_cost = True):\n"
             "    L = len(layers_dims)             # number of layers in the neural networks\n"
             "    costs = []                       # to keep track of the cost\n"
             "    t = 0                            # initializing the counter required for Adam update\n"
             "    seed = 10                        # For grading purposes, so that your \"random\" minibatches are the "
             "same as ours\n    m = X.shape[1]                   # number of training examples\n    \n"
             "    # Initialize parameters\n    parameters = initialize_parameters(layers_dims)\n\n"
             "    # Initialize the optimizer\n    if optimizer == \"gd\":\n        pass # no initialization required\n"
             "    elif optimizer == \"momentum\":\n        v = initialize_velocity(parameters)\n"
             "    elif optimizer == \"adam\":\n        v, s = initialize_adam(parameters)\n    \n"
             "    # Optimization loop\n    for i in range(num_epochs):\n        \n"
             "        # Define the random minibatches. We increment the seed to reshuffle differently after each epoch\n"
             "        seed = seed + 1\n        minibatches = random_mini_batches(X, Y, mini_batch_size, seed)\n"
             "        cost_total = 0\n        \n        for minibatch in minibatches:\n\n"
             "            # Select a minibatch\n            (minibatch_X, minibatch_Y) = minibatch\n\n"
             "            # Forward propagation\n            a3, caches = forward_propagation(minibatch_X, parameters)\n\n"
             "            # Compute cost and add to the cost total\n"
             "            cost_total += compute_cost(a3, minibatch_Y)\n\n            # Backward propagation\n"
             "            grads = backward_propagation(minibatch_X, minibatch_Y, caches)\n\n"
             "            # Update parameters\n            if optimizer == \"gd\":\n"
             "                parameters = update_parameters_with_gd(parameters, grads, learning_rate)\n"
             "            elif optimizer == \"momentum\":\n"
             "                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)\n"
             "            elif optimizer == \"adam\":\n                t = t + 1 # Adam counter\n"
             "                parameters, v, s = update_parameters_with_adam(parameters, grads, v, s,\n"
             "                                                               t, learning_rate, beta1, beta2,  epsilon)\n"
             "        cost_avg = cost_total / m\n        \n        # Print the cost every 1000 epoch\n"
             "        if print_cost and i % 1000 == 0:\n            print (\"Cost after epoch %i: %f\" %(i, cost_avg))\n"
             "        if print_cost and i % 100 == 0:\n            costs.append(cost_avg)\n                \n"
             "    # plot the cost\n    plt.plot(costs)\n    plt.ylabel('cost')\n    plt.xlabel('epochs (per 100)')\n"
             "    plt.title(\"Learning rate = \" + str(learning_rate))\n    plt.show()\n\n    return parameters"),
    ("code", "# train 3-layer model\nlayers_dims = [train_X.shape[0], 5, 2, 1]\n"
             "parameters = model(train_X, train_Y, layers_dims, optimizer = \"adam\")\n\n# Predict\n"
             "predictions = predict(train_X, train_Y, parameters)"),
)

OPT_WRITTEN = {"optimization/classic_course.ipynb": (
    "correct functions in the classic course's style (before 2021): opt_utils_v1a, sklearn, scipy.io and testCases "
    "imports, Adam returning (parameters, v, s), no RMSProp, AdaGrad or learning-rate decay, the given model of 10000 "
    "epochs, test-case calls and trainings at top level",
    OPT_CLASSIC_CELLS)}

# == end of week6/optimization ===============================================================

NOTEBOOK = OPT  # the default of an Example without its own notebook (each here names its own)
EXAMPLES = (*OPT_EXAMPLES,)
WRITTEN = {**OPT_WRITTEN}
