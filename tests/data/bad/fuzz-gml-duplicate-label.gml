graph [ node [ id 1 label "A" ] node [ id 2 label "A" ] edge [ source 1 target 2 ] ]
